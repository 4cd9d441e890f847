using Cwmp.ConnectionRequests.Tests.Infrastructure;

namespace Cwmp.ConnectionRequests.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Requests_are_counted_by_outcome_and_transport()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest));
        using var host = new TestHost();

        await host.RequestAsync(cpe.Url).Within("the first request");
        await host.RequestAsync(cpe.Url).Within("the throttled request");
        await host.RequestAsync(null, deviceKey: "other").Within("the request without URL");

        Assert.Equal(
            [
                ("Cwmp.ConnectionRequests", "cwmp.connection_requests", 1.0, "outcome=accepted,transport=http"),
                ("Cwmp.ConnectionRequests", "cwmp.connection_requests", 1.0, "outcome=throttled,transport=none"),
                ("Cwmp.ConnectionRequests", "cwmp.connection_requests", 1.0, "outcome=no_usable_url,transport=none"),
            ],
            host.Metrics.Measurements.Where(m => m.Instrument == "cwmp.connection_requests").Select(m => (m.Meter, m.Instrument, m.Value, m.Tags)));
        Assert.Equal(
            ["outcome=accepted,transport=http", "outcome=throttled,transport=none", "outcome=no_usable_url,transport=none"],
            host.Metrics.Measurements.Where(m => m.Instrument == "cwmp.connection_request.duration").Select(m => m.Tags));
    }

    [Fact]
    public void Outcome_tags_cover_every_result() =>
        Assert.Equal(
            ["accepted", "session_open", "throttled", "unauthorized", "unreachable", "no_usable_url", "udp_sent"],
            Enum.GetValues<ConnectionRequestResult>().Select(ConnectionRequestMetrics.OutcomeTag));

    [Fact]
    public async Task Logs_name_the_device_and_never_the_password()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest));
        using var host = new TestHost();

        await host.RequestAsync(cpe.Url, password: "wrong-secret-value").Within("the connection request");

        LogCapture.LogEntry completed = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 2100);
        Assert.Equal("00D09E-Router-SN0001", completed.State["DeviceKey"]);
        Assert.Equal(ConnectionRequestResult.Unauthorized, completed.State["Result"]);
        Assert.Equal("http", completed.State["Transport"]);
        Assert.All(host.Logs.Entries, e => Assert.DoesNotContain("wrong-secret-value", e.Message, StringComparison.Ordinal));
        Assert.All(host.Logs.Entries.Where(e => e.EventId.Id >= 2100 && e.EventId.Id < 2200), e => Assert.Equal("00D09E-Router-SN0001", e.State["DeviceKey"]));
    }

    [Fact]
    public void Target_text_leaves_the_password_out()
    {
        var target = new ConnectionRequestTarget("K", "http://x/", "x:1", "user", "hunter2");

        Assert.Equal("ConnectionRequestTarget { DeviceKey = K, Url = http://x/, UdpAddress = x:1, Username = user }", target.ToString());
    }

    [Fact]
    public void Results_mirror_the_grain_outcome_values()
    {
        // Cwmp.Grains.ConnectionRequestOutcome: the grain maps by value, so the numbers must not drift.
        Assert.Equal(
            [("Accepted", 0), ("SessionOpen", 1), ("Throttled", 2), ("Unauthorized", 3), ("Unreachable", 4), ("NoUsableUrl", 5), ("UdpSent", 6)],
            Enum.GetValues<ConnectionRequestResult>().Select(r => (r.ToString(), (int)r)));
    }
}
