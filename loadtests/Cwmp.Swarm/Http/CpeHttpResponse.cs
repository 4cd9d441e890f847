namespace Cwmp.Swarm.Http;

/// <summary>An HTTP response as the CPE received it.</summary>
internal sealed class CpeHttpResponse(int statusCode, HttpHeaderList headers, byte[] body)
{
    public int StatusCode { get; } = statusCode;

    public HttpHeaderList Headers { get; } = headers;

    public byte[] Body { get; } = body;

    /// <summary>Retry-After in seconds (delta form only, which is what ACSs send), or null.</summary>
    public int? RetryAfterSeconds =>
        int.TryParse(Headers.Get("Retry-After"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds) ? seconds : null;
}
