using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cwmp.ConnectionRequests.Tests.Infrastructure;

namespace Cwmp.ConnectionRequests.Tests;

public sealed partial class UdpConnectionRequestTests
{
    [Fact]
    public async Task Three_signed_datagrams_with_distinct_ids_and_seconds_timestamp()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        ConnectionRequestResult result = await host.RequestAsync(null, $"127.0.0.1:{port}").Within("the UDP connection request");

        Assert.Equal(ConnectionRequestResult.UdpSent, result);
        List<Datagram> datagrams = await ReceiveExactly(cpe, 3);
        Assert.All(datagrams, d =>
        {
            Assert.Equal($"127.0.0.1:{port}", d.Authority);
            Assert.Equal(TestHost.StartUnixSeconds, d.Timestamp);
            Assert.Equal("cr-user", d.Username);
            Assert.Matches("^[0-9a-f]{16}$", d.Cnonce);
            Assert.Equal(IndependentSignature("cr-secret", d), d.Signature, ignoreCase: true);
        });
        uint first = datagrams[0].Id;
        Assert.Equal([first, unchecked(first + 1), unchecked(first + 2)], datagrams.Select(d => d.Id));
    }

    [Fact]
    public async Task Timestamp_follows_the_clock_in_seconds()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();
        host.Time.Advance(TimeSpan.FromMilliseconds(61_999));

        await host.RequestAsync(null, $"127.0.0.1:{port}").Within("the UDP connection request");

        Assert.All(await ReceiveExactly(cpe, 3), d => Assert.Equal(TestHost.StartUnixSeconds + 61, d.Timestamp));
    }

    [Fact]
    public async Task Ids_keep_increasing_across_requests()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        await host.RequestAsync(null, $"127.0.0.1:{port}", deviceKey: "A-1").Within("the first UDP request");
        await host.RequestAsync(null, $"127.0.0.1:{port}", deviceKey: "B-1").Within("the second UDP request");

        List<Datagram> datagrams = await ReceiveExactly(cpe, 6);
        uint first = datagrams[0].Id;
        Assert.Equal(Enumerable.Range(0, 6).Select(i => unchecked(first + (uint)i)), datagrams.Select(d => d.Id));
        Assert.Equal(6, datagrams.Select(d => d.Cnonce).Distinct().Count());
    }

    [Fact]
    public async Task Unreachable_http_falls_back_to_udp()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int udpPort = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var host = new TestHost();

        ConnectionRequestResult result = await host.RequestAsync($"http://127.0.0.1:{closedPort}/", $"127.0.0.1:{udpPort}").Within("HTTP then UDP");

        Assert.Equal(ConnectionRequestResult.UdpSent, result);
        Assert.Equal(3, (await ReceiveExactly(cpe, 3)).Count);
    }

    [Fact]
    public async Task Refused_http_url_falls_back_to_udp()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int udpPort = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        ConnectionRequestResult result = await host.RequestAsync("http://169.254.169.254/", $"127.0.0.1:{udpPort}").Within("UDP");

        Assert.Equal(ConnectionRequestResult.UdpSent, result);
        Assert.Equal(3, (await ReceiveExactly(cpe, 3)).Count);
    }

    [Theory]
    [InlineData("Open", ConnectionRequestResult.Accepted)]
    [InlineData("Basic", ConnectionRequestResult.Unauthorized)]
    public async Task Answering_http_sends_no_udp(string mode, ConnectionRequestResult expected)
    {
        await using var http = new TestCpe(new CpeBehavior(Enum.Parse<CpeMode>(mode)));
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int udpPort = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        Assert.Equal(expected, await host.RequestAsync(http.Url, $"127.0.0.1:{udpPort}").Within("the HTTP request"));
        Assert.Equal(0, cpe.Available);
    }

    [Fact]
    public async Task Loopback_udp_address_is_refused_by_default()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost(allowLoopback: false);

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync(null, $"127.0.0.1:{port}").Within("the refusal"));
        Assert.Equal(0, cpe.Available);
    }

    [Fact]
    public async Task Ipv6_udp_address_goes_in_brackets()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.UdpSent, await host.RequestAsync(null, $"[::1]:{port}").Within("the UDP request"));
        Assert.All(await ReceiveExactly(cpe, 3), d => Assert.Equal($"[::1]:{port}", d.Authority));
    }

    [Fact]
    public async Task Username_with_reserved_characters_is_escaped_but_signed_as_it_is()
    {
        using var cpe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)cpe.Client.LocalEndPoint!).Port;
        using var host = new TestHost();

        await host.RequestAsync(null, $"127.0.0.1:{port}", username: "a b&c#é").Within("the UDP request");

        Datagram datagram = (await ReceiveExactly(cpe, 3))[0];
        Assert.Equal("a%20b%26c%23%C3%A9", datagram.RawUsername);
        Assert.Equal(IndependentSignature("cr-secret", datagram with { Username = "a b&c#é" }), datagram.Signature, ignoreCase: true);
    }

    [Fact]
    public void Datagram_bytes_are_exact()
    {
        byte[] bytes = UdpConnectionRequestMessage.Build("203.0.113.7:30005", 1735787045, 42, "user", "0a1b2c3d", "secret");
        string signature = Convert.ToHexStringLower(HMACSHA1.HashData("secret"u8, "173578704542user0a1b2c3d"u8));

        Assert.Equal(
            $"GET http://203.0.113.7:30005?ts=1735787045&id=42&un=user&cn=0a1b2c3d&sig={signature} HTTP/1.1\r\nHost: 203.0.113.7:30005\r\n\r\n",
            Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void Signature_is_hmac_sha1_hex() =>
        // RFC 2202 test case 2.
        Assert.Equal("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", UdpConnectionRequestMessage.Sign("Jefe", "what do ya want for nothing?"));

    [Theory]
    [InlineData("198.51.100.4:30005", "198.51.100.4", 30005, "198.51.100.4:30005")]
    [InlineData(" cpe.example:7547 ", "cpe.example", 7547, "cpe.example:7547")]
    [InlineData("cpe.example", "cpe.example", 80, "cpe.example:80")]
    [InlineData("[2001:db8::1]:7547", "2001:db8::1", 7547, "[2001:db8::1]:7547")]
    [InlineData("[2001:db8::1]", "2001:db8::1", 80, "[2001:db8::1]:80")]
    [InlineData("2001:db8::1", "2001:db8::1", 80, "[2001:db8::1]:80")]
    public void Udp_address_parses(string text, string host, int port, string authority) =>
        Assert.Equal(new UdpTargetAddress(host, port, authority), UdpTargetAddress.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpe.example:0")]
    [InlineData("cpe.example:65536")]
    [InlineData("cpe.example:port")]
    [InlineData("cpe.example:-1")]
    [InlineData("[2001:db8::1")]
    [InlineData("[2001:db8::1]7547")]
    [InlineData("[cpe.example]:7547")]
    [InlineData("a b:7547")]
    [InlineData("http://cpe.example:7547")]
    public void Udp_address_rejects(string? text) => Assert.Null(UdpTargetAddress.TryParse(text));

    private static string IndependentSignature(string password, Datagram d) =>
        Convert.ToHexString(HMACSHA1.HashData(
            Encoding.UTF8.GetBytes(password),
            Encoding.UTF8.GetBytes(d.Timestamp.ToString(CultureInfo.InvariantCulture) + d.Id.ToString(CultureInfo.InvariantCulture) + d.Username + d.Cnonce)));

    private static async Task<List<Datagram>> ReceiveExactly(UdpClient cpe, int count)
    {
        var datagrams = new List<Datagram>();
        for (int i = 0; i < count; i++)
        {
            UdpReceiveResult received = await cpe.ReceiveAsync().Within($"datagram {i + 1} of {count}");
            datagrams.Add(Datagram.Parse(Encoding.UTF8.GetString(received.Buffer)));
        }

        // The sender had finished before the request returned, and loopback delivers synchronously: nothing more is on its way.
        Assert.Equal(0, cpe.Available);
        return datagrams;
    }

    private sealed record Datagram(string Authority, long Timestamp, uint Id, string RawUsername, string Username, string Cnonce, string Signature)
    {
        public static Datagram Parse(string text)
        {
            Match m = DatagramPattern().Match(text);
            Assert.True(m.Success, $"Unexpected datagram: {text}");
            Assert.Equal(m.Groups["authority"].Value, m.Groups["host"].Value);
            return new Datagram(
                m.Groups["authority"].Value,
                long.Parse(m.Groups["ts"].Value, CultureInfo.InvariantCulture),
                uint.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture),
                m.Groups["un"].Value,
                Uri.UnescapeDataString(m.Groups["un"].Value),
                m.Groups["cn"].Value,
                m.Groups["sig"].Value);
        }
    }

    [GeneratedRegex(@"\AGET http://(?<authority>[^?/ ]+)\?ts=(?<ts>[0-9]+)&id=(?<id>[0-9]+)&un=(?<un>[^&]*)&cn=(?<cn>[^&]*)&sig=(?<sig>[0-9a-f]{40}) HTTP/1\.1\r\nHost: (?<host>[^\r]+)\r\n\r\n\z")]
    private static partial Regex DatagramPattern();
}
