using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;
using Orleans.Core.Internal;

namespace Cwmp.Grains.Tests.Campaigns;

/// <summary>Campaigns end to end in one silo: waves, auto-pause, pause/resume/cancel, deadlines, the device lock, exact counts.</summary>
[Collection(ClusterTests.Name)]
public sealed class CampaignTests(ClusterFixture fixture)
{
    private static readonly RolloutPolicy CanaryThenAll = new()
    {
        CanaryCount = 2,
        WavePercentages = [100],
        MaxInFlight = 100,
        MaxStartsPerMinute = 6000,
        FailureRateThreshold = 0.5,
        MinOutcomesForFailureRate = 2,
    };

    [Fact]
    public async Task A_firmware_campaign_runs_its_canary_then_the_rest_and_completes_with_exact_counts()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-waves", 6);
        CampaignProgress started = await fleet.StartAsync(fleet.Firmware(CanaryThenAll));
        Assert.Equal((CampaignStatus.Running, 6L, 2), (started.Status, started.Targeted, started.WaveCount));

        await fleet.TickUntilAsync(p => p.Counts.Started == 2, "the canary's two starts");
        List<Cpe> canary = await fleet.WithQueuedTaskAsync();
        Assert.Equal(2, canary.Count);

        // The canary is not done until both devices are: the next wave waits.
        await fleet.UpgradeAsync(canary[0]);
        CampaignProgress half = await fleet.TickUntilAsync(p => p.Counts.Succeeded == 1, "the first canary device's success");
        Assert.Equal((0, 2L, 1L), (half.Wave, half.Counts.Started, half.Counts.InFlight));

        await fleet.UpgradeAsync(canary[1]);
        CampaignProgress second = await fleet.TickUntilAsync(p => p.Wave == 1 && p.Counts.Started == 6, "wave 1 to start the other four");
        Assert.Equal(4L, second.Counts.InFlight);
        List<Cpe> rest = await fleet.WithQueuedTaskAsync();
        Assert.Equal(4, rest.Count);
        Assert.Empty(rest.Intersect(canary));

        foreach (Cpe cpe in rest)
        {
            await fleet.UpgradeAsync(cpe);
        }

        CampaignProgress done = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "completion");
        Assert.Equal((6L, 6L, 0L, 0L, 0L, 0L), (done.Counts.Started, done.Counts.Succeeded, done.Counts.Failed, done.Counts.NotReached, done.Counts.Skipped, done.Counts.InFlight));
        Assert.Equal(0L, done.Pending);
        Assert.Equal(CampaignFleet.NewVersion, (await fleet.Devices[0].Grain.GetSummaryAsync())!.SoftwareVersion);
    }

    [Fact]
    public async Task A_wave_over_the_failure_threshold_pauses_the_campaign_says_why_and_lists_the_faults()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-autopause", 5);
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 3, FailureRateThreshold = 0.4 }));
        await fleet.TickUntilAsync(p => p.Counts.Started == 3, "the canary's three starts");
        List<Cpe> canary = await fleet.WithQueuedTaskAsync();

        await fleet.FailEveryAttemptAsync(canary[0]);
        await fleet.FailEveryAttemptAsync(canary[1]);
        CampaignProgress paused = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Paused, "the automatic pause");

        Assert.Equal("wave 0: 2 of 2 devices failed, over the threshold 40%", paused.PauseReason?.Replace(" %", "%", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, long> { ["9010"] = 2 }, paused.Counts.FailedBy);
        IReadOnlyList<CampaignFailure> failures = await fleet.Campaign.GetFailuresAsync(10);
        Assert.Equal(canary.Take(2).Select(c => c.DeviceKey).Order(), failures.Select(f => f.DeviceKey).Order());
        Assert.All(failures, f => Assert.Equal(("9010", "Download failed: HTTP 404"), (f.Code, f.Message)));

        // Paused: the device in flight finishes and is counted, nothing new starts.
        await fleet.UpgradeAsync(canary[2]);
        CampaignProgress followed = await fleet.TickUntilAsync(p => p.Counts.Succeeded == 1, "the third canary device while paused");
        Assert.Equal((CampaignStatus.Paused, 3L), (followed.Status, followed.Counts.Started));

        // The operator looked, and resumes: the failure rate counts afresh, the last wave starts.
        await fleet.Campaign.ResumeAsync();
        CampaignProgress resumed = await fleet.TickUntilAsync(p => p.Counts.Started == 5, "the last wave after resume");
        Assert.Equal((CampaignStatus.Running, 1), (resumed.Status, resumed.Wave));
    }

    [Fact]
    public async Task Pause_stops_new_starts_and_cancel_withdraws_unsent_tasks_while_a_running_transfer_finishes()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-cancel", 4);
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0, MaxInFlight = 2 }));
        await fleet.TickUntilAsync(p => p.Counts.Started == 2, "the first two starts (in-flight limit 2)");
        List<Cpe> first = await fleet.WithQueuedTaskAsync();

        await fleet.Campaign.PauseAsync("change freeze");
        await CampaignFleet.TakeDownloadAsync(first[0]);
        await fleet.ReportTransferAsync(first[0]);
        CampaignProgress paused = await fleet.TickUntilAsync(p => p.Counts.Succeeded == 1, "the first device while paused");
        Assert.Equal((CampaignStatus.Paused, "change freeze", 2L), (paused.Status, paused.PauseReason, paused.Counts.Started));

        await fleet.Campaign.ResumeAsync();
        await fleet.TickUntilAsync(p => p.Counts.Started == 3, "one more start after resume");
        List<Cpe> queued = await fleet.WithQueuedTaskAsync();
        Cpe downloading = first[1];
        await CampaignFleet.TakeDownloadAsync(downloading);

        CampaignProgress cancelled = await fleet.Campaign.CancelAsync();
        Assert.Equal(CampaignStatus.Cancelled, cancelled.Status);
        CampaignProgress withdrawn = await fleet.TickUntilAsync(p => p.Counts.NotReached == 1, "the unsent task's withdrawal");
        Assert.Equal((3L, 1L), (withdrawn.Counts.Started, withdrawn.Counts.InFlight));
        Cpe unsent = Assert.Single(queued.Except([downloading]));
        Assert.Equal(DeviceTaskState.Cancelled, (await unsent.Grain.GetTasksAsync()).Single(t => t.Method == "Download").State);

        await fleet.ReportTransferAsync(downloading);
        CampaignProgress end = await fleet.TickUntilAsync(p => p.Counts.InFlight == 0, "the running transfer to finish");
        Assert.Equal((CampaignStatus.Cancelled, 3L, 2L, 1L), (end.Status, end.Counts.Started, end.Counts.Succeeded, end.Counts.NotReached));
        Assert.Contains(await fleet.Campaign.GetFailuresAsync(10), f => f.DeviceKey == unsent.DeviceKey && f.Code == "not_reached:cancelled");
    }

    [Fact]
    public async Task At_the_deadline_an_unreached_device_is_not_reached_and_a_device_that_took_its_task_failed()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-deadline", 2);
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0, DeviceDeadline = TimeSpan.FromHours(2) }));
        await fleet.TickUntilAsync(p => p.Counts.Started == 2, "both starts");
        Cpe silent = fleet.Devices[0];
        Cpe stuck = fleet.Devices[1];
        await CampaignFleet.TakeDownloadAsync(stuck);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        CampaignProgress before = await fleet.TickUntilAsync(p => p.Counts.Started == 2, "a tick before the deadline");
        Assert.Equal(2L, before.Counts.InFlight);

        fixture.Time.Advance(TimeSpan.FromHours(1.5));
        CampaignProgress done = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "completion after the deadline");
        Assert.Equal((0L, 1L, 1L), (done.Counts.Succeeded, done.Counts.Failed, done.Counts.NotReached));
        Assert.Equal(new Dictionary<string, long> { ["timeout"] = 1 }, done.Counts.FailedBy);
        IReadOnlyList<CampaignFailure> failures = await fleet.Campaign.GetFailuresAsync(10);
        Assert.Equal(
            [(silent.DeviceKey, "not_reached:deadline"), (stuck.DeviceKey, "timeout")],
            failures.Select(f => (f.DeviceKey, f.Code)).OrderBy(f => f.DeviceKey, StringComparer.Ordinal));
        Assert.Equal(DeviceTaskState.Cancelled, (await silent.Grain.GetTasksAsync()).Single(t => t.Method == "Download").State);

        // The withdrawn task does not go out any more.
        await silent.InformAsync();
        Assert.Equal(SessionReplyKind.EndSession, (await silent.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task A_device_is_never_in_two_campaigns_at_once()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-lock-a", 2);
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0 }));
        await fleet.TickUntilAsync(p => p.Counts.Started == 2, "campaign A's starts");

        var other = fixture.Grains.GetGrain<ICampaignGrain>("cmp-lock-b");
        await other.CreateAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0 }) with { Name = "B" });
        await other.StartAsync();
        for (int shard = 0; shard < fixture.Index.ShardCount; shard++)
        {
            await fixture.Grains.GetGrain<ICampaignShardGrain>($"cmp-lock-b/{shard}").TickAsync();
            await fixture.Grains.GetGrain<ICampaignShardGrain>($"cmp-lock-b/{shard}").TickAsync();
        }

        CampaignProgress b = (await other.GetProgressAsync())!;
        Assert.Equal((CampaignStatus.Completed, 2L, 2L), (b.Status, b.Counts.Started, b.Counts.Skipped));
        foreach (Cpe cpe in fleet.Devices)
        {
            Assert.Single(await cpe.Grain.GetTasksAsync(), t => t.Method == "Download");
        }
    }

    [Fact]
    public async Task A_device_already_at_the_target_version_is_skipped_without_a_download()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-current", 1);
        CampaignDefinition definition = fleet.Firmware(CanaryThenAll with { CanaryCount = 0 }) with
        {
            Firmware = new FirmwareAction("http://127.0.0.1:7557/files/fw.bin", CampaignFleet.OldVersion),
        };
        await fleet.StartAsync(definition);

        CampaignProgress done = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "completion");
        Assert.Equal((1L, 1L, 0L), (done.Counts.Started, done.Counts.Skipped, done.Counts.Succeeded));
        Assert.DoesNotContain(await fleet.Devices[0].Grain.GetTasksAsync(), t => t.Method == "Download");
    }

    [Fact]
    public async Task A_parameter_campaign_counts_faults_by_code()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-params", 2);
        await fleet.StartAsync(new CampaignDefinition
        {
            Target = fleet.Target,
            Parameters = [new CampaignParameter("Device.ManagementServer.PeriodicInformInterval", "600", "xsd:unsignedInt")],
            Rollout = CanaryThenAll with { CanaryCount = 0, FailureRateThreshold = 1 },
        });
        await fleet.TickUntilAsync(p => p.Counts.Started == 2, "both starts");

        foreach ((Cpe cpe, string answer) in fleet.Devices.Zip(["setparametervaluesresponse.xml", "fault-cpe-9003-spv.xml"]))
        {
            await cpe.InformAsync();
            SessionReply sent = await cpe.EmptyAsync();
            SetParameterValues set = Assert.IsType<SetParameterValues>(sent.Envelope!.Body);
            Assert.Equal(("cmp-params", "600"), (set.ParameterKey, set.ParameterList[0].Value));
            await cpe.AnswerAsync(sent, answer);
        }

        CampaignProgress done = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "completion");
        Assert.Equal((1L, 1L), (done.Counts.Succeeded, done.Counts.Failed));
        Assert.Equal(new Dictionary<string, long> { ["9003"] = 1 }, done.Counts.FailedBy);
    }

    [Fact]
    public async Task A_worker_that_loses_its_memory_counts_every_device_exactly_once()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-once", 8);
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0 }));
        await fleet.TickUntilAsync(p => p.Counts.Started == 8, "all starts");

        // Half the devices finish; their reports reach workers whose activations then go away before a tick wrote them.
        foreach (Cpe cpe in fleet.Devices.Take(4))
        {
            await fleet.UpgradeAsync(cpe);
        }

        for (int shard = 0; shard < fixture.Index.ShardCount; shard++)
        {
            await fixture.Grains.GetGrain<ICampaignShardGrain>($"{fleet.Id}/{shard}").AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await fleet.TickUntilAsync(p => p.Counts.Succeeded == 4, "the four successes after reactivation");
        foreach (Cpe cpe in fleet.Devices.Skip(4))
        {
            await fleet.UpgradeAsync(cpe);
        }

        // The device calls are idempotent: asking again changes nothing.
        CampaignProgress done = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "completion");
        Assert.Equal((8L, 8L, 0L), (done.Counts.Started, done.Counts.Succeeded, done.Counts.InFlight));
        CampaignProgress again = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Completed, "a tick after completion");
        Assert.Equal(8L, again.Counts.Succeeded);
    }

    [Fact]
    public async Task Outside_its_start_windows_a_campaign_starts_nobody()
    {
        CampaignFleet fleet = await CampaignFleet.CreateAsync(fixture, "cmp-window", 1);
        TimeSpan now = fixture.Time.GetUtcNow().TimeOfDay;
        var closed = new DailyWindow(now + TimeSpan.FromHours(1), now + TimeSpan.FromHours(2));
        await fleet.StartAsync(fleet.Firmware(CanaryThenAll with { CanaryCount = 0, StartWindows = [closed] }));

        CampaignProgress waiting = await fleet.TickUntilAsync(p => p.Status == CampaignStatus.Running, "a tick outside the window", maxRounds: 2);
        Assert.Equal(0L, waiting.Counts.Started);

        fixture.Time.Advance(TimeSpan.FromHours(1.5));
        await fleet.TickUntilAsync(p => p.Counts.Started == 1, "the start inside the window");
    }
}
