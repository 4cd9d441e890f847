using Cwmp.Gateway.Tests.Grains;
using Cwmp.Gateway.Tests.Infrastructure;
using Cwmp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cwmp.Gateway.Tests;

/// <summary>Admission control: sessions are counted, not requests; sessions in progress are always served.</summary>
[Collection(ClusterDefinition.Name)]
public sealed class AdmissionTests(ClusterFixture cluster)
{
    private static readonly Dictionary<string, string?> LimitOfOne = new()
    {
        ["Cwmp:Gateway:MaxConcurrentSessions"] = "1",
        ["Cwmp:Gateway:RetryAfter"] = "00:00:45",
        ["Cwmp:Gateway:RetryAfterJitter"] = "00:00:00",
    };

    [Fact]
    public async Task Second_inform_gets_503_while_the_admitted_session_goes_on_and_then_gets_in()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, LimitOfOne);
        using var rejections = gateway.Collect<long>("cwmp.gateway.admission_rejections");
        await using CpeConnection first = await gateway.ConnectAsync();
        await using CpeConnection second = await gateway.ConnectAsync();
        string admitted = Cpe.NewSerial(), waiting = Cpe.NewSerial();

        Cpe.AssertInformResponse(await first.PostAsync(Cpe.Inform(admitted)));
        HttpReply turnedAway = await second.PostAsync(Cpe.Inform(waiting));

        Assert.Equal(503, turnedAway.Status);
        Assert.Equal("45", turnedAway.Header("Retry-After"));
        Assert.Equal(0, (await Probe(CpeXml.DeviceKeyOf(waiting))).Posts);
        Assert.Equal(1, rejections.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains($"Inform of {CpeXml.DeviceKeyOf(waiting)} from 127.0.0.1 turned away: 1 sessions admitted, the limit is 1", StringComparison.Ordinal));

        Cpe.AssertGetParameterValues(await first.PostAsync(Cpe.EmptyPost()));
        Assert.Equal(503, (await second.PostAsync(Cpe.Inform(waiting))).Status);
        Cpe.AssertSessionEnd(await first.PostAsync(Cpe.GpvResponse()));

        Cpe.AssertInformResponse(await second.PostAsync(Cpe.Inform(waiting)));
        Assert.Equal(2, rejections.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_session_that_goes_silent_leaves_after_its_timeout()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, LimitOfOne);
        string vanished = Cpe.NewSerial(), next = Cpe.NewSerial();
        await using CpeConnection cpe = await gateway.ConnectAsync();
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(vanished)));
        Assert.Equal(503, (await cpe.PostAsync(Cpe.Inform(next))).Status);

        gateway.Time.Advance(TimeSpan.FromSeconds(31));

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(next)));
    }

    [Fact]
    public async Task A_device_informing_again_keeps_its_own_slot()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, LimitOfOne);
        string serial = Cpe.NewSerial();
        await using CpeConnection cpe = await gateway.ConnectAsync();

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial)));
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial, "after-reboot")), "after-reboot");
    }

    [Fact]
    public async Task An_inform_the_grain_cannot_take_gives_its_slot_back()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, LimitOfOne);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        Assert.Equal(503, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("FAIL")))).Status);
        Assert.Equal(503, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("BUSY")))).Status);
        Assert.Equal(400, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("REJECT")))).Status);
        Assert.Equal(
            CwmpEnvelope.Create(CwmpVersion.Version10, "1", CwmpFault.Create(FaultCodes.AcsVersionIncompatible)),
            (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial("FAULT")))).Envelope());

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial())));
    }

    private Task<DeviceProbe> Probe(string deviceKey) => cluster.Client.GetGrain<IDeviceProbeGrain>(deviceKey).GetProbeAsync();
}
