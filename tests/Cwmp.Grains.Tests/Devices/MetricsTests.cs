using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>Storage round trips and the session, event and fault counters.</summary>
[Collection(MetricsClusterTests.Name)]
public sealed class MetricsTests(ClusterFixture fixture)
{
    private static readonly (string, string) Periodic = ("<EventCode>1 BOOT</EventCode>", "<EventCode>2 PERIODIC</EventCode>");

    [Fact]
    public async Task An_unchanged_periodic_inform_costs_the_activation_read_and_nothing_else()
    {
        var cpe = new Cpe(fixture, "M-PERIODIC");
        await PeriodicSessionAsync(cpe);

        // A new activation that has read its state and changed nothing, so that its deactivation writes nothing.
        await cpe.DeactivateAsync();
        Assert.NotNull(await cpe.Grain.GetSummaryAsync());
        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);
        int parameterStoreCalls = fixture.Parameters.RoundTrips;
        await cpe.DeactivateAsync();

        SessionReply end = await PeriodicSessionAsync(cpe);

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(new Dictionary<string, long> { ["read_state"] = 1 }, roundTrips.By("operation"));
        Assert.Equal(parameterStoreCalls, fixture.Parameters.RoundTrips);
        Assert.Equal(fixture.Time.GetUtcNow(), (await cpe.Grain.GetSummaryAsync())!.LastInformAt);

        // The same Inform to the active grain: nothing at all.
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await PeriodicSessionAsync(cpe);
        Assert.Equal(1, roundTrips.Total);
        Assert.Equal(parameterStoreCalls, fixture.Parameters.RoundTrips);
    }

    [Fact]
    public async Task Deactivation_writes_the_last_inform_time_that_was_kept_in_memory()
    {
        var cpe = new Cpe(fixture, "M-LAST-INFORM");
        await PeriodicSessionAsync(cpe);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await PeriodicSessionAsync(cpe);
        DateTimeOffset lastInform = fixture.Time.GetUtcNow();

        await cpe.DeactivateAsync();

        Assert.Equal(lastInform, (await cpe.Grain.GetSummaryAsync())!.LastInformAt);
    }

    [Fact]
    public async Task A_new_device_writes_its_state_and_its_tree_once_before_the_inform_response()
    {
        var cpe = new Cpe(fixture, "M-NEW");
        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);

        await cpe.InformAsync();

        Assert.Equal(
            new Dictionary<string, long> { ["read_state"] = 1, ["write_index"] = 1, ["write_parameters"] = 1, ["write_state"] = 1 },
            roundTrips.By("operation"));
        Assert.Equal(7, fixture.Parameters.Snapshot(cpe.DeviceKey).Count);
        await cpe.EmptyAsync();
    }

    [Fact]
    public async Task Only_a_changed_value_loads_the_tree_and_writes_the_changed_field()
    {
        var cpe = new Cpe(fixture, "M-CHANGED");
        await PeriodicSessionAsync(cpe);
        await cpe.DeactivateAsync();
        Assert.NotNull(await cpe.Grain.GetSummaryAsync());
        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);

        // Other events, same values: the events are kept for the next write.
        await cpe.InformAsync("inform-device2-boot.xml");
        await cpe.EmptyAsync();
        Assert.Empty(roundTrips.By("operation"));

        await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, Periodic, (">1.2.3<", ">1.2.4<")), newSession: true);

        Assert.Equal(new Dictionary<string, long> { ["write_index"] = 1, ["load_parameters"] = 1, ["write_parameters"] = 1, ["write_state"] = 1 }, roundTrips.By("operation"));
        ParameterChanges written = fixture.Parameters.LastWrite(cpe.DeviceKey)!;
        Assert.False(written.ClearFirst);
        Assert.Equal(["Device.DeviceInfo.SoftwareVersion"], written.Upserts.Select(p => p.Name));
        Assert.Empty(written.Removals);
        Assert.Equal("1.2.4", fixture.Parameters.Snapshot(cpe.DeviceKey)["Device.DeviceInfo.SoftwareVersion"].Value);
        Assert.Equal("1.2.4", (await cpe.Grain.GetSummaryAsync())!.SoftwareVersion);
        await cpe.EmptyAsync();
    }

    [Fact]
    public async Task Events_with_obligations_are_stored_before_the_inform_response()
    {
        var cpe = new Cpe(fixture, "M-OBLIGATION");
        await PeriodicSessionAsync(cpe);
        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);

        await cpe.InformAsync("inform-reboot-mevent.xml");

        Assert.Equal(new Dictionary<string, long> { ["write_state"] = 1 }, roundTrips.By("operation"));
        await cpe.EmptyAsync();
    }

    [Fact]
    public async Task Sessions_are_counted_by_outcome()
    {
        using var sessions = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.Sessions);
        var completed = new Cpe(fixture, "M-S-COMPLETED");
        var replaced = new Cpe(fixture, "M-S-REPLACED");
        var expired = new Cpe(fixture, "M-S-EXPIRED");

        await completed.PeriodicSessionAsync();
        await replaced.InformAsync();
        await replaced.PeriodicSessionAsync();
        await expired.InformAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.False((await expired.Grain.GetSummaryAsync())!.InSession);

        Assert.Equal(
            new Dictionary<string, long> { ["completed"] = 2, ["replaced"] = 1, ["expired"] = 1 },
            sessions.By("outcome"));
    }

    [Fact]
    public async Task Inform_events_faults_and_rejected_posts_are_counted()
    {
        using var events = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.InformEvents);
        using var faults = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.RpcFaults);
        using var rejected = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.RejectedPosts);
        var cpe = new Cpe(fixture, "M-COUNTERS");
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.Nope."])]));

        await cpe.EmptyAsync();
        await cpe.InformAsync("inform-vendor-events.xml");
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "fault-cpe-9005.xml");

        Assert.Equal(new Dictionary<string, long> { ["X"] = 1, ["M other"] = 1, ["6 CONNECTION REQUEST"] = 1 }, events.By("event"));
        Assert.Equal(new Dictionary<string, long> { ["GetParameterValues"] = 1 }, faults.By("method"));
        Assert.Equal(new Dictionary<string, long> { ["9005"] = 1 }, faults.By("code"));
        Assert.Equal(new Dictionary<string, long> { ["no_session"] = 1 }, rejected.By("reason"));
    }

    private static async Task<SessionReply> PeriodicSessionAsync(Cpe cpe)
    {
        await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, Periodic), newSession: true);
        return await cpe.EmptyAsync();
    }
}
