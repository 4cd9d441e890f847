using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cwmp.Gateway.Http;

/// <summary>
/// Reads a request body (Content-Length or chunked; gzip or deflate decoded) into a pooled buffer, never holding more
/// than the limit: the raw body is cut off at the limit, and so is its decoded form, so that a few kilobytes of gzip
/// cannot inflate into gigabytes.
/// </summary>
internal static class RequestBodyReader
{
    public static bool TryGetCoding(HttpRequest request, out ContentCoding coding)
    {
        coding = ContentCoding.Identity;
        foreach (string? header in request.Headers.ContentEncoding)
        {
            foreach (string token in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ContentCoding? next = token.ToUpperInvariant() switch
                {
                    "IDENTITY" => null,
                    "GZIP" or "X-GZIP" => ContentCoding.Gzip,
                    "DEFLATE" => ContentCoding.Deflate,
                    _ => ContentCoding.Identity,
                };

                if (next is null)
                {
                    continue;
                }

                // One real coding at most: stacked codings are not something CPEs send.
                if (next == ContentCoding.Identity || coding != ContentCoding.Identity)
                {
                    return false;
                }

                coding = next.Value;
            }
        }

        return true;
    }

    public static async ValueTask<BodyReadStatus> ReadAsync(HttpRequest request, ContentCoding coding, int limit, PooledBufferWriter destination, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return BodyReadStatus.TooLarge;
        }

        IHttpMaxRequestBodySizeFeature? sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // One byte over the limit still reaches us, so that we (not the server) answer 413 in one place.
            sizeFeature.MaxRequestBodySize = (long)limit + 1;
        }

        if (coding == ContentCoding.Identity)
        {
            return await ReadRawAsync(request.BodyReader, limit, destination, cancellationToken).ConfigureAwait(false);
        }

        using var compressed = new PooledBufferWriter((int)Math.Min(request.ContentLength ?? 4096, limit));
        BodyReadStatus raw = await ReadRawAsync(request.BodyReader, limit, compressed, cancellationToken).ConfigureAwait(false);
        return raw != BodyReadStatus.Complete ? raw
            : compressed.Length == 0 ? BodyReadStatus.Complete
            : Decompress(compressed.WrittenMemory, coding, limit, destination);
    }

    private static async ValueTask<BodyReadStatus> ReadRawAsync(PipeReader reader, int limit, PooledBufferWriter destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (destination.Length + buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return BodyReadStatus.TooLarge;
            }

            foreach (ReadOnlyMemory<byte> segment in buffer)
            {
                destination.Write(segment.Span);
            }

            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return BodyReadStatus.Complete;
            }
        }
    }

    private static BodyReadStatus Decompress(ReadOnlyMemory<byte> compressed, ContentCoding coding, int limit, PooledBufferWriter destination)
    {
        ArraySegment<byte> bytes = MemoryMarshal.TryGetArray(compressed, out ArraySegment<byte> segment) ? segment : compressed.ToArray();
        using var input = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        using Stream decoder = coding == ContentCoding.Gzip ? new GZipStream(input, CompressionMode.Decompress)
            // HTTP "deflate" is zlib (RFC 9110 §8.4.1.2), yet some clients send raw deflate: the zlib header tells them apart.
            : IsZlibHeader(compressed.Span) ? new ZLibStream(input, CompressionMode.Decompress)
            : new DeflateStream(input, CompressionMode.Decompress);
        try
        {
            while (true)
            {
                Span<byte> span = destination.GetSpan(Math.Min(16 * 1024, limit - destination.Length + 1));
                int read = decoder.Read(span[..Math.Min(span.Length, limit - destination.Length + 1)]);
                if (read == 0)
                {
                    return BodyReadStatus.Complete;
                }

                destination.Advance(read);
                if (destination.Length > limit)
                {
                    return BodyReadStatus.TooLarge;
                }
            }
        }
        catch (InvalidDataException)
        {
            return BodyReadStatus.CorruptEncoding;
        }
    }

    private static bool IsZlibHeader(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
}
