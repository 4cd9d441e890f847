using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>
/// A CPE over real HTTP on the CWMP port: one keep-alive connection per session, the session cookie sent back by hand,
/// text/xml bodies, an empty POST to ask for the ACS's requests.
/// </summary>
internal sealed class ScriptedCpe : IDisposable
{
    public const string Oui = "00259E";
    public const string ProductClass = "HG8245";
    public const string Ns = "urn:dslforum-org:cwmp-1-0";

    private readonly HttpClient _http;
    private readonly Uri _acsUrl;
    private string? _cookie;

    public ScriptedCpe(int cwmpPort, string serial)
    {
        Serial = serial;
        _acsUrl = new Uri($"http://127.0.0.1:{cwmpPort}/");
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 1 }) { Timeout = Within.Call };
    }

    public string Serial { get; }

    public string DeviceKey => $"{Oui}-{ProductClass}-{Serial}";

    /// <summary>Inform (with <paramref name="eventCode"/>), then empty POSTs; returns the ACS request the session brought, or null at 204.</summary>
    public async Task<CwmpEnvelope?> OpenSessionAsync(string eventCode, string connectionRequestUrl = "http://192.0.2.10:30005/cr")
    {
        _cookie = null;
        CwmpEnvelope? informed = await PostAsync(Inform(eventCode, connectionRequestUrl), HttpStatusCode.OK);
        Assert.IsType<InformResponse>(informed!.Body);
        return await PostAsync(null, null);
    }

    /// <summary>Answers the ACS request <paramref name="id"/> with <paramref name="body"/> (the SOAP body's content); returns the next request or null.</summary>
    public Task<CwmpEnvelope?> AnswerAsync(string id, string body) => PostAsync(Envelope($"<cwmp:ID SOAP-ENV:mustUnderstand=\"1\">{id}</cwmp:ID>", body), null);

    /// <summary>A whole session without ACS requests: Inform, empty POST, 204.</summary>
    public async Task InformAsync(string eventCode = "2 PERIODIC", string connectionRequestUrl = "http://192.0.2.10:30005/cr") =>
        Assert.Null(await OpenSessionAsync(eventCode, connectionRequestUrl));

    private async Task<CwmpEnvelope?> PostAsync(byte[]? body, HttpStatusCode? expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _acsUrl) { Content = new ByteArrayContent(body ?? []) };
        if (body is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=\"utf-8\"");
            request.Headers.TryAddWithoutValidation("SOAPAction", string.Empty);
        }

        if (_cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", _cookie);
        }

        using HttpResponseMessage response = await Within.Await(_http.SendAsync(request), Within.Call, "the ACS to answer the CPE's POST");
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith("cwmp-session=", StringComparison.Ordinal)) is { } cookie)
        {
            _cookie = cookie.Split(';')[0];
        }

        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        if (expected is not null)
        {
            Assert.Equal(expected, response.StatusCode);
        }

        if (bytes.Length == 0)
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CwmpParser.Parse(bytes);
    }

    private byte[] Inform(string eventCode, string connectionRequestUrl)
    {
        (string Name, string Value)[] parameters =
        [
            ("Device.DeviceInfo.HardwareVersion", "HW-1.0"),
            ("Device.DeviceInfo.SoftwareVersion", "V5R019C10S115"),
            ("Device.DeviceInfo.ProvisioningCode", ""),
            ("Device.ManagementServer.ParameterKey", ""),
            ("Device.ManagementServer.ConnectionRequestURL", connectionRequestUrl),
        ];
        var list = new StringBuilder();
        foreach ((string name, string value) in parameters)
        {
            list.Append($"<ParameterValueStruct><Name>{name}</Name><Value xsi:type=\"xsd:string\">{value}</Value></ParameterValueStruct>");
        }

        return Envelope(
            "<cwmp:ID SOAP-ENV:mustUnderstand=\"1\">inform-1</cwmp:ID>",
            "<cwmp:Inform>"
            + $"<DeviceId><Manufacturer>Huawei Technologies Co., Ltd</Manufacturer><OUI>{Oui}</OUI><ProductClass>{ProductClass}</ProductClass><SerialNumber>{Serial}</SerialNumber></DeviceId>"
            + $"<Event SOAP-ENC:arrayType=\"cwmp:EventStruct[1]\"><EventStruct><EventCode>{eventCode}</EventCode><CommandKey></CommandKey></EventStruct></Event>"
            + "<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2025-03-01T12:00:00+01:00</CurrentTime><RetryCount>0</RetryCount>"
            + $"<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[{parameters.Length}]\">{list}</ParameterList>"
            + "</cwmp:Inform>");
    }

    private static byte[] Envelope(string header, string body) =>
        Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\""
            + $" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"{Ns}\">"
            + $"<SOAP-ENV:Header>{header}</SOAP-ENV:Header><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>");

    public void Dispose() => _http.Dispose();
}
