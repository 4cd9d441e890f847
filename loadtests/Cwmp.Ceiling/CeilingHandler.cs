using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Ceiling;

/// <summary>
/// Answers a periodic CWMP session with canned bytes: an Inform gets the InformResponse with the request's cwmp:ID
/// echoed, the empty POST gets 204, and every reply sets a session cookie shaped like the ACS's
/// (<c>cwmp-session=…; Path=/; HttpOnly</c>). Anything else is refused with a status, a log line and a metric.
/// </summary>
internal sealed partial class CeilingHandler(CannedReplies replies, CeilingMetrics metrics, ILogger<CeilingHandler> logger)
{
    /// <summary>Far above an Inform (about 2–7 KB); the ceiling is not meant for big bodies.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly string TextXml = "text/xml; charset=\"utf-8\"";
    private long _sessions;

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            Reject(context, StatusCodes.Status405MethodNotAllowed, "method");
            return;
        }

        PipeReader reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                Reject(context, StatusCodes.Status413PayloadTooLarge, "too-large");
                return;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        ReadOnlySequence<byte> buffer = read.Buffer;
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> body;
            if (buffer.IsSingleSegment)
            {
                body = buffer.FirstSpan;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent((int)buffer.Length);
                buffer.CopyTo(rented);
                body = rented.AsSpan(0, (int)buffer.Length);
            }

            Respond(context, body);
        }
        finally
        {
            reader.AdvanceTo(buffer.End);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private void Respond(HttpContext context, ReadOnlySpan<byte> body)
    {
        HttpResponse response = context.Response;
        if (RequestScanner.IsEmptyPost(body))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers[HeaderNames.SetCookie] = context.Request.Headers.Cookie.Count > 0 ? EchoCookie(context) : NewCookie();
            return;
        }

        if (!RequestScanner.IsInform(body))
        {
            Reject(context, StatusCodes.Status400BadRequest, "not-inform");
            return;
        }

        int minor = RequestScanner.NamespaceMinorVersion(body);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = TextXml;
        response.Headers[HeaderNames.SetCookie] = NewCookie();
        PipeWriter output = response.BodyWriter;
        if (RequestScanner.TryFindId(body, out Range id))
        {
            (byte[] head, byte[] tail) = replies.WithId(minor);
            ReadOnlySpan<byte> idBytes = body[id];
            response.ContentLength = head.Length + idBytes.Length + tail.Length;
            output.Write(head);
            output.Write(idBytes);
            output.Write(tail);
        }
        else
        {
            byte[] whole = replies.WithoutHeader(minor);
            response.ContentLength = whole.Length;
            output.Write(whole);
        }

        metrics.Inform();
    }

    /// <summary>A new session's cookie, as long as the ACS's (device key and a session id).</summary>
    private string NewCookie() =>
        string.Create(CultureInfo.InvariantCulture, $"cwmp-session=ceiling-device-000000000000:{Interlocked.Increment(ref _sessions):x16}; Path=/; HttpOnly");

    /// <summary>The ACS sets the cookie again on the session's last reply; the ceiling echoes the session's own.</summary>
    private static string EchoCookie(HttpContext context)
    {
        string cookie = context.Request.Headers.Cookie.ToString();
        int end = cookie.IndexOf(';', StringComparison.Ordinal);
        return (end < 0 ? cookie : cookie[..end]) + "; Path=/; HttpOnly";
    }

    private void Reject(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        metrics.Rejected(reason);
        LogRejected(logger, context.Request.Method, status, reason);
    }
}
