using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Campaigns;

/// <summary>
/// A tagged group of corpus CPEs and one campaign over them, driven step by step: the test ticks the shard workers
/// itself (their timers are off in the fixture) and plays each CPE's sessions with the exact bytes a CPE sends.
/// </summary>
internal sealed class CampaignFleet
{
    public const string OldVersion = "1.2.3";
    public const string NewVersion = "2.0.0";
    private static readonly (string, string) Periodic = ("<EventCode>1 BOOT</EventCode>", "<EventCode>2 PERIODIC</EventCode>");

    private readonly ClusterFixture _fixture;

    private CampaignFleet(ClusterFixture fixture, string id, IReadOnlyList<Cpe> devices)
    {
        _fixture = fixture;
        Id = id;
        Devices = devices;
        Campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
    }

    /// <summary>The campaign id; also the tag of its devices and the CommandKey of its downloads.</summary>
    public string Id { get; }

    public IReadOnlyList<Cpe> Devices { get; }

    public ICampaignGrain Campaign { get; }

    public DeviceQuery Target => new() { Tags = [Id] };

    /// <summary><paramref name="count"/> devices that informed once and carry the tag <paramref name="id"/>.</summary>
    public static async Task<CampaignFleet> CreateAsync(ClusterFixture fixture, string id, int count)
    {
        var devices = new List<Cpe>();
        for (int i = 0; i < count; i++)
        {
            var cpe = new Cpe(fixture, $"{id}-{i:D3}");
            await cpe.PeriodicSessionAsync();
            await cpe.Grain.UpdateTagsAsync(new TagChange([id], []));
            devices.Add(cpe);
        }

        return new CampaignFleet(fixture, id, devices);
    }

    public CampaignDefinition Firmware(RolloutPolicy rollout) => new()
    {
        Name = "firmware " + NewVersion,
        Target = Target,
        Firmware = new FirmwareAction("http://127.0.0.1:7557/files/fw-2.0.0.bin", NewVersion, FileSize: 1000),
        Rollout = rollout,
    };

    public async Task<CampaignProgress> StartAsync(CampaignDefinition definition)
    {
        await Campaign.CreateAsync(definition);
        return await Campaign.StartAsync();
    }

    public Task<CampaignProgress> ProgressAsync() => Campaign.GetProgressAsync()!;

    /// <summary>
    /// Ticks every shard worker until <paramref name="done"/> holds (directives travel one-way between the ticks, so
    /// a change may need a round more); fails saying what it waited for.
    /// </summary>
    public async Task<CampaignProgress> TickUntilAsync(Func<CampaignProgress, bool> done, string waitingFor, int maxRounds = 6)
    {
        CampaignProgress progress = (await Campaign.GetProgressAsync())!;
        for (int round = 0; round < maxRounds && !done(progress); round++)
        {
            for (int shard = 0; shard < _fixture.Index.ShardCount; shard++)
            {
                await _fixture.Grains.GetGrain<ICampaignShardGrain>($"{Id}/{shard}").TickAsync();
            }

            progress = (await Campaign.GetProgressAsync())!;
        }

        Assert.True(done(progress), $"Waited {maxRounds} rounds of ticks for {waitingFor}; the campaign is {Describe(progress)}.");
        return progress;
    }

    /// <summary>The devices that hold a task of this campaign that has not been sent yet.</summary>
    public async Task<List<Cpe>> WithQueuedTaskAsync()
    {
        var found = new List<Cpe>();
        foreach (Cpe cpe in Devices)
        {
            IReadOnlyList<DeviceTaskView> tasks = await cpe.Grain.GetTasksAsync();
            if (tasks.Any(t => t.Requester?.StartsWith("campaign:" + Id + "/", StringComparison.Ordinal) == true && t.State == DeviceTaskState.Pending))
            {
                found.Add(cpe);
            }
        }

        return found;
    }

    /// <summary>A periodic session in which the CPE takes the Download and accepts it (Status 1).</summary>
    public static async Task TakeDownloadAsync(Cpe cpe)
    {
        await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, Periodic), newSession: true);
        SessionReply sent = await cpe.EmptyAsync();
        Assert.IsType<Download>(sent.Envelope!.Body);
        SessionReply end = await cpe.AnswerAsync(sent, "downloadresponse.xml");
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
    }

    /// <summary>The session after the download: "1 BOOT", "7 TRANSFER COMPLETE", "M Download", then the TransferComplete.</summary>
    public async Task ReportTransferAsync(Cpe cpe, bool failed = false)
    {
        string version = failed ? OldVersion : NewVersion;
        await cpe.PostAsync(CorpusFiles.FromDevice("inform-transfer-complete-events.xml", cpe.Serial, ("fw-2026-11", Id), (">" + OldVersion + "<", ">" + version + "<")), newSession: true);
        SessionReply answered = await cpe.PostAsync(CorpusFiles.FromDevice(failed ? "transfercomplete-fault-9010.xml" : "transfercomplete-success.xml", cpe.Serial, ("fw-2026-11", Id)));
        Assert.IsType<TransferCompleteResponse>(answered.Envelope!.Body);
        await cpe.EmptyAsync();
    }

    public async Task UpgradeAsync(Cpe cpe, bool failed = false)
    {
        await TakeDownloadAsync(cpe);
        await ReportTransferAsync(cpe, failed);
    }

    /// <summary>A download that fails with 9010 on every attempt (a transfer fault is retried: 3 attempts by default).</summary>
    public async Task FailEveryAttemptAsync(Cpe cpe, int attempts = 3)
    {
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            await UpgradeAsync(cpe, failed: true);
        }
    }

    private static string Describe(CampaignProgress p) =>
        $"{p.Status} ({p.PauseReason}), wave {p.Wave}/{p.WaveCount}, targeted {p.Targeted}, started {p.Counts.Started}, in flight {p.Counts.InFlight}, "
        + $"succeeded {p.Counts.Succeeded}, failed {p.Counts.Failed}, not reached {p.Counts.NotReached}, skipped {p.Counts.Skipped}";
}
