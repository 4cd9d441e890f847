using System.Net;
using Cwmp.ConnectionRequests.Tests.Infrastructure;

namespace Cwmp.ConnectionRequests.Tests;

public sealed class HttpConnectionRequestTests
{
    [Theory]
    [InlineData("MD5", "auth")]
    [InlineData("MD5-sess", "auth")]
    [InlineData("MD5", null)]
    [InlineData(null, "auth")]
    [InlineData(null, null)]
    [InlineData("SHA-256", "auth")]
    public async Task Digest_challenge_is_answered_once_and_the_request_is_accepted(string? algorithm, string? qop)
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest) { Algorithm = algorithm, Qop = qop });
        using var host = new TestHost();

        ConnectionRequestResult result = await host.RequestAsync(cpe.Url).Within("the connection request");

        Assert.Equal(ConnectionRequestResult.Accepted, result);
        IReadOnlyList<RecordedRequest> requests = cpe.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(("GET", "/cr?x=1", "HTTP/1.1", 0), (r.Method, r.Target, r.Version, r.BodyLength)));
        Assert.All(requests, r => Assert.Null(r.Header("Content-Length")));
        Assert.All(requests, r => Assert.Null(r.Header("Transfer-Encoding")));
        Assert.Null(requests[0].AuthorizationValid);
        Assert.True(requests[1].AuthorizationValid);
        Assert.Equal("close", requests[1].Header("Connection"));

        // The answer goes on the connection that carried the challenge: some CPEs tie their nonce to it.
        Assert.Equal([1, 1], requests.Select(r => r.Connection));
    }

    [Fact]
    public async Task Md5_sess_answer_carries_the_cnonce_that_its_HA1_used()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest) { Algorithm = "MD5-sess", Qop = null });
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the connection request"));

        Dictionary<string, string> answer = DigestVerifier.ParseParameters(cpe.Requests[1].Header("Authorization")!["Digest ".Length..]);
        Assert.Matches("^[0-9a-f]{16}$", answer["cnonce"]);
        Assert.False(answer.ContainsKey("qop"));
        Assert.False(answer.ContainsKey("nc"));
        Assert.True(cpe.Requests[1].AuthorizationValid);
    }

    [Fact]
    public async Task Wrong_password_is_unauthorized_after_exactly_one_answer()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest));
        using var host = new TestHost();

        ConnectionRequestResult result = await host.RequestAsync(cpe.Url, password: "wrong").Within("the connection request");

        Assert.Equal(ConnectionRequestResult.Unauthorized, result);
        Assert.Equal([null, false], cpe.Requests.Select(r => r.AuthorizationValid));
    }

    [Fact]
    public async Task Wrong_username_is_unauthorized()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest) { Algorithm = "MD5-sess" });
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unauthorized, await host.RequestAsync(cpe.Url, username: "other").Within("the connection request"));
        Assert.Equal(2, cpe.Requests.Count);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public async Task Open_cpe_answering_success_is_accepted_with_one_request(int status)
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open) { SuccessStatus = status });
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Single(cpe.Requests);
        Assert.Null(cpe.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData(503, ConnectionRequestResult.Unreachable)]
    [InlineData(500, ConnectionRequestResult.Unreachable)]
    [InlineData(404, ConnectionRequestResult.Unreachable)]
    [InlineData(403, ConnectionRequestResult.Unauthorized)]
    public async Task Failure_status_maps_to_its_outcome(int status, ConnectionRequestResult expected)
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.FixedStatus) { FixedStatus = status });
        using var host = new TestHost();

        Assert.Equal(expected, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Single(cpe.Requests);
    }

    [Fact]
    public async Task Busy_after_authentication_is_unreachable()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest) { StatusAfterAuthentication = 503 });
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.True(cpe.Requests[1].AuthorizationValid);
    }

    [Fact]
    public async Task Redirect_is_not_followed()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.FixedStatus) { FixedStatus = 302, FixedHeaders = "Location: /elsewhere\r\n" });
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Equal(["/cr?x=1"], cpe.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task Basic_challenge_is_not_answered_unless_configured()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Basic));
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unauthorized, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Single(cpe.Requests);
    }

    [Fact]
    public async Task Basic_challenge_is_answered_when_configured()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Basic));
        using var host = new TestHost(new() { ["AllowBasicAuthentication"] = "true" });

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Equal([null, true], cpe.Requests.Select(r => r.AuthorizationValid));
    }

    [Fact]
    public async Task Closed_port_is_unreachable()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync($"http://127.0.0.1:{port}/").Within("the refused connection"));
    }

    [Fact]
    public async Task Reset_connection_is_unreachable()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Reset));
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync(cpe.Url).Within("the reset connection"));
        Assert.Single(cpe.Requests);
    }

    [Fact]
    public async Task Cpe_that_never_answers_is_unreachable_once_the_timeout_has_passed()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.NeverAnswer));
        using var host = new TestHost(new() { ["Timeout"] = "00:00:02" });

        Task<ConnectionRequestResult> request = host.RequestAsync(cpe.Url);
        await cpe.FirstRequest.Within("the CPE to receive the connection request");
        host.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ConnectionRequestResult.Unreachable, await request.Within("the request to give up after the configured timeout"));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2108 && Equals(e.State["Timeout"], TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_reported()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.NeverAnswer));
        using var host = new TestHost();
        using var cancellation = new CancellationTokenSource();

        Task<ConnectionRequestResult> request = host.RequestAsync(cpe.Url, cancellationToken: cancellation.Token);
        await cpe.FirstRequest.Within("the CPE to receive the connection request");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.Within("the request to observe the cancellation"));
    }

    [Fact]
    public async Task Ipv6_loopback_cpe_is_reached()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest), IPAddress.IPv6Loopback);
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the connection request"));
        Assert.Equal($"[::1]:{cpe.Port}", cpe.Requests[0].Header("Host"));
    }

    [Fact]
    public async Task Host_name_is_connected_through_the_vetted_address_and_kept_in_the_Host_header()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest));
        var resolver = new FakeResolver(new() { ["cpe.example"] = [IPAddress.Parse("169.254.169.254"), IPAddress.Loopback] });
        using var host = new TestHost(resolver: resolver);

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync($"http://cpe.example:{cpe.Port}/cr?x=1").Within("the connection request"));
        Assert.Equal($"cpe.example:{cpe.Port}", cpe.Requests[0].Header("Host"));
        Assert.True(cpe.Requests[1].AuthorizationValid);
    }

    [Fact]
    public async Task Unknown_host_name_is_unreachable()
    {
        using var host = new TestHost(resolver: new FakeResolver([]));

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync("http://nowhere.example/").Within("the failed look-up"));
    }
}
