using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Tests;

/// <summary>Connection requests over HTTP (Digest) and UDP (TR-111), each leading to a 6 CONNECTION REQUEST session.</summary>
public sealed class ConnectionRequestTests
{
    [Fact]
    public async Task An_authenticated_HTTP_connection_request_is_answered_200_and_starts_a_6_CONNECTION_REQUEST_session()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { ConnectionRequestPasswordScheme = "fixed:cr-pass" });
        await h.FirstContactAsync();
        using var client = new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential(h.Key(), "cr-pass"), UseProxy = false });
        HttpStatusCode status = default;
        await h.SessionAsync(0, () => status = client.GetAsync(h.Device().ConnectionRequestUrl).GetAwaiter().GetResult().StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["6 CONNECTION REQUEST"], h.Acs.InformsOf(h.Key())[^1].EventCodes);
        Assert.Equal(1, h.Swarm.Context.Statistics.HttpConnectionRequests);
    }

    [Fact]
    public async Task A_connection_request_with_wrong_credentials_or_for_an_unknown_device_is_refused()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        using var client = new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential(h.Key(), "wrong"), UseProxy = false });
        HttpResponseMessage response = await client.GetAsync(h.Device().ConnectionRequestUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Digest realm=\"Cwmp.Swarm connection request\", qop=\"auth\", nonce=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var anonymous = new HttpClient(new HttpClientHandler { UseProxy = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(h.Device().ConnectionRequestUrl)).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetAsync($"http://127.0.0.1:{h.Swarm.ConnectionRequestPort}/cr/ACDE48-SwarmGW-SW0000000099"));
        Assert.Equal(0, h.Swarm.Context.Statistics.HttpConnectionRequests);
        Assert.Single(h.Acs.Informs);
    }

    [Fact]
    public async Task Connection_request_credentials_set_by_the_ACS_take_effect()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new Protocol.SetParameterValues(
            [
                new Protocol.ParameterValueStruct("Device.ManagementServer.ConnectionRequestUsername", "cr-user"),
                new Protocol.ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", "cr-new"),
            ],
            "cr"));
        using var client = new HttpClient(new HttpClientHandler { Credentials = new NetworkCredential("cr-user", "cr-new"), UseProxy = false });
        HttpStatusCode status = default;
        await h.SessionAsync(0, () => status = client.GetAsync(h.Device().ConnectionRequestUrl).GetAwaiter().GetResult().StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(UdpVerdict.Accepted, h.Swarm.UdpListener!.Handle(Datagram(10, 1, "cr-user", "cr-new")));
    }

    [Fact]
    public async Task A_signed_UDP_connection_request_starts_a_6_CONNECTION_REQUEST_session()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { ConnectionRequestPasswordScheme = "fixed:udp-pass" });
        await h.FirstContactAsync();
        long ts = h.Time.GetUtcNow().ToUnixTimeSeconds();
        byte[] datagram = Datagram(ts, 4242, h.Key(), "udp-pass");
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await h.SessionAsync(0, () => udp.Send(datagram, datagram.Length, new IPEndPoint(IPAddress.Loopback, h.Swarm.UdpConnectionRequestPort)));
        Assert.Equal(["6 CONNECTION REQUEST"], h.Acs.InformsOf(h.Key())[^1].EventCodes);
        Assert.Equal(1, h.Swarm.Context.Statistics.UdpConnectionRequests);
    }

    [Fact]
    public async Task UDP_connection_requests_are_checked_for_signature_replay_and_device()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { ConnectionRequestPasswordScheme = "fixed:p" });
        UdpConnectionRequestListener listener = h.Swarm.UdpListener!;
        string key = h.Key();
        Assert.Equal(UdpVerdict.Accepted, listener.Handle(Datagram(1000, 1, key, "p")));
        Assert.Equal(UdpVerdict.Duplicate, listener.Handle(Datagram(1000, 1, key, "p")));
        Assert.Equal(UdpVerdict.Replayed, listener.Handle(Datagram(999, 2, key, "p")));
        Assert.Equal(UdpVerdict.Accepted, listener.Handle(Datagram(1000, 3, key, "p", upperCaseSignature: true)));
        Assert.Equal(UdpVerdict.BadSignature, listener.Handle(Datagram(1001, 4, key, "not-p")));
        Assert.Equal(UdpVerdict.UnknownDevice, listener.Handle(Datagram(1001, 5, "ACDE48-SwarmGW-SW0000000007", "p")));
        Assert.Equal(UdpVerdict.Malformed, listener.Handle("GET / HTTP/1.1\r\n\r\n"u8.ToArray()));
        Assert.Equal(UdpVerdict.Malformed, listener.Handle("hello"u8.ToArray()));
        Assert.Equal(2, h.Swarm.Context.Statistics.UdpConnectionRequests);
        Assert.Equal(5, h.Swarm.Context.Statistics.RejectedConnectionRequests);
    }

    /// <summary>A TR-111 datagram as an ACS builds it: sig = hex(HMAC-SHA1(password, ts‖id‖un‖cn)).</summary>
    internal static byte[] Datagram(long ts, uint id, string username, string password, bool upperCaseSignature = false)
    {
        string t = ts.ToString(CultureInfo.InvariantCulture), i = id.ToString(CultureInfo.InvariantCulture), cn = "c0ffee" + i;
#pragma warning disable CA5350 // TR-111 mandates HMAC-SHA1.
        string sig = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(t + i + username + cn)));
#pragma warning restore CA5350
        sig = upperCaseSignature ? sig.ToUpperInvariant() : sig;
        return Encoding.ASCII.GetBytes($"GET http://127.0.0.1:7547?ts={t}&id={i}&un={Uri.EscapeDataString(username)}&cn={cn}&sig={sig} HTTP/1.1\r\nHost: 127.0.0.1:7547\r\n\r\n");
    }
}
