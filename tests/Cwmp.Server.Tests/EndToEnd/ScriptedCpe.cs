using System.Net;
using System.Net.Http.Headers;
using Cwmp.Protocol;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>
/// A CPE over real HTTP: one keep-alive connection per session, the session cookie sent back by hand (as CPE HTTP
/// stacks do), text/xml bodies with a SOAPAction header on requests and an empty body to ask for the ACS's requests.
/// </summary>
internal sealed class ScriptedCpe : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _acsUrl;
    private string? _cookie;

    public ScriptedCpe(int cwmpPort)
    {
        _acsUrl = new Uri($"http://127.0.0.1:{cwmpPort}/");
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1 }) { Timeout = Within.Call };
    }

    /// <summary>Forgets the cookie, as a CPE does when a session ends.</summary>
    public void EndSession() => _cookie = null;

    public async Task<CpeReply> PostAsync(byte[]? body, string? soapAction = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _acsUrl);
        request.Content = new ByteArrayContent(body ?? []);
        if (body is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=\"utf-8\"");
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction ?? string.Empty);
        }

        if (_cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", _cookie);
        }

        using var response = await Within.Await(_http.SendAsync(request), Within.Call, "the ACS to answer the CPE's POST");
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith("cwmp-session=", StringComparison.Ordinal)) is { } cookie)
        {
            _cookie = cookie.Split(';')[0];
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new CpeReply(response.StatusCode, _cookie, bytes.Length == 0 ? null : CwmpParser.Parse(bytes));
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the ACS answered one POST with.</summary>
internal sealed record CpeReply(HttpStatusCode Status, string? SessionCookie, CwmpEnvelope? Envelope);
