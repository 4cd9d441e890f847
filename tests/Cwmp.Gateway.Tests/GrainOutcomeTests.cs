using Cwmp.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Cwmp.Gateway.Tests;

/// <summary>How each kind of grain answer, and a failing grain call, reaches the CPE.</summary>
[Collection(ClusterDefinition.Name)]
public sealed class GrainOutcomeTests(ClusterFixture cluster)
{
    private static readonly Dictionary<string, string?> FixedRetryAfter = new()
    {
        ["Cwmp:Gateway:RetryAfter"] = "00:00:40",
        ["Cwmp:Gateway:RetryAfterJitter"] = "00:00:00",
    };

    [Fact]
    public async Task Busy_device_is_503_with_the_grains_retry_after()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, FixedRetryAfter);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        HttpReply reply = await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("BUSY")));

        Assert.Equal(503, reply.Status);
        Assert.Equal("17", reply.Header("Retry-After"));
        Assert.Empty(reply.HeaderValues("Set-Cookie"));
    }

    [Fact]
    public async Task Failing_grain_call_is_503_with_retry_after_an_error_line_and_a_metric()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, FixedRetryAfter);
        using var requests = gateway.Collect<long>("cwmp.gateway.requests");
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial("FAIL");

        HttpReply reply = await cpe.PostAsync(Cpe.Inform(serial));

        Assert.Equal(503, reply.Status);
        Assert.Equal("40", reply.Header("Retry-After"));
        Assert.Empty(reply.HeaderValues("Set-Cookie"));
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains($"Device {CpeXml.DeviceKeyOf(serial)} could not be reached for CWMP Inform", StringComparison.Ordinal) && r.Exception is not null);
        Assert.Equal([("unavailable", 1L)], requests.GetMeasurementSnapshot().Select(m => ((string)m.Tags["outcome"]!, m.Value)));

        // The connection stays usable.
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial())));
    }

    [Fact]
    public async Task Rejected_post_is_400_and_forbidden_device_is_403()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        Assert.Equal(400, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("REJECT")))).Status);
        Assert.Equal(403, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("FORBID")))).Status);
    }

    [Fact]
    public async Task A_cookie_naming_a_session_the_device_does_not_have_is_rejected_by_the_grain()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial)));

        HttpReply reply = await cpe.PostAsync(Cpe.EmptyPost().With("Cookie", $"cwmp-session={CpeXml.DeviceKeyOf(serial)}:not-the-session"));

        Assert.Equal(400, reply.Status);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Message.Contains("no open session 'not-the-session'", StringComparison.Ordinal));
    }
}
