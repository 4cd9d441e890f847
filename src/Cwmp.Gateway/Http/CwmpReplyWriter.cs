using System.IO.Compression;
using System.Text;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Http;

namespace Cwmp.Gateway.Http;

/// <summary>
/// Writes the answers of the CWMP endpoint. Envelopes go straight into the response pipe and the Content-Length is set
/// from the bytes written before anything is flushed, so no reply is chunked (some CPEs cannot read chunked replies).
/// </summary>
internal static class CwmpReplyWriter
{
    /// <summary>The Content-Type of every envelope (checklist §1), written exactly so.</summary>
    public const string XmlContentType = "text/xml; charset=\"utf-8\"";

    public static void Envelope(HttpResponse response, CwmpEnvelope envelope, CwmpWriterOptions options, ContentCoding coding)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = XmlContentType;
        var counter = new CountingBufferWriter(response.BodyWriter);
        if (coding == ContentCoding.Identity)
        {
            CwmpWriter.Write(envelope, counter, options);
        }
        else
        {
            using var xml = new PooledBufferWriter();
            CwmpWriter.Write(envelope, xml, options);
            using (var sink = new BufferWriterStream(counter))
            using (Stream compressor = coding == ContentCoding.Gzip
                ? new GZipStream(sink, CompressionLevel.Fastest, leaveOpen: true)
                : new ZLibStream(sink, CompressionLevel.Fastest, leaveOpen: true))
            {
                compressor.Write(xml.WrittenSpan);
            }

            response.Headers.ContentEncoding = coding == ContentCoding.Gzip ? "gzip" : "deflate";
        }

        response.ContentLength = counter.Written;
    }

    /// <summary>A reply without a body: 204 ends a session; anything else gets Content-Length: 0.</summary>
    public static void Empty(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        if (statusCode != StatusCodes.Status204NoContent)
        {
            response.ContentLength = 0;
        }
    }

    /// <summary>An error with a one-line reason for whoever reads it with curl; CPEs only look at the status.</summary>
    public static void Text(HttpResponse response, int statusCode, string reason)
    {
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        var counter = new CountingBufferWriter(response.BodyWriter);
        Span<byte> span = counter.GetSpan(Encoding.UTF8.GetMaxByteCount(reason.Length) + 1);
        int length = Encoding.UTF8.GetBytes(reason, span);
        span[length++] = (byte)'\n';
        counter.Advance(length);
        response.ContentLength = counter.Written;
    }

    /// <summary>503 with a Retry-After in seconds.</summary>
    public static void ServiceUnavailable(HttpResponse response, int retryAfterSeconds, string reason)
    {
        response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Text(response, StatusCodes.Status503ServiceUnavailable, reason);
    }
}
