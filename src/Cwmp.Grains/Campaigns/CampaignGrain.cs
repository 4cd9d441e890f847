using System.Globalization;
using Cwmp.Grains.Index;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Cwmp.Grains.Campaigns;

/// <summary>
/// A campaign (issue 7). Fan-out is O(shards): at start it counts the target in each index shard (Redis, no grain),
/// fixes the waves, and directs one <see cref="ICampaignShardGrain"/> per shard; the workers report aggregated counts
/// (at most one message per worker tick), and the answer to a report is the worker's next directive. The wave
/// advances when every shard finished its quota; a wave whose failure rate passes the threshold pauses the campaign.
/// </summary>
internal sealed partial class CampaignGrain(
    [PersistentState("campaign", CwmpStorageNames.Campaigns)] IPersistentState<CampaignState> state,
    IDeviceIndex index,
    CampaignMetrics metrics,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private CampaignState State => state.State;

    private string CampaignId => this.GetPrimaryKeyString();

    public async Task CreateAsync(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        if (State.Definition is not null)
        {
            throw new InvalidOperationException($"Campaign {CampaignId} exists already.");
        }

        State.Definition = definition.ForStorage();
        State.Status = CampaignStatus.Created;
        await state.WriteStateAsync();
        LogCreated(CampaignId, definition.Name);
    }

    public async Task<CampaignProgress> StartAsync()
    {
        CampaignDefinition definition = RequireDefinition();
        if (State.Status != CampaignStatus.Created)
        {
            throw new InvalidOperationException($"Campaign {CampaignId} is {State.Status}; only a created campaign starts.");
        }

        int shards = index.ShardCount;
        long[] targets = await Task.WhenAll(Enumerable.Range(0, shards).Select(s => index.CountShardAsync(s, definition.Target)));
        State.ShardTargets = [.. targets];
        State.Waves = WavePlan.Cumulative(definition.Rollout, targets.Sum());
        State.ShardCounts = [.. Enumerable.Repeat(CampaignCounts.Zero, shards)];
        State.ShardQuotas = [.. Enumerable.Repeat(0L, shards)];
        State.Wave = 0;
        State.Status = State.Waves.Count == 0 ? CampaignStatus.Completed : CampaignStatus.Running;
        AssignQuotas();
        await state.WriteStateAsync();
        long targeted = targets.Sum();
        LogStarted(CampaignId, targeted, State.Waves.Count);
        metrics.StatusChanged(CampaignId, State.Status);
        DirectAll();
        return Progress();
    }

    public Task<CampaignProgress> PauseAsync(string reason) => ChangeStatusAsync(CampaignStatus.Running, CampaignStatus.Paused, string.IsNullOrWhiteSpace(reason) ? "paused by an operator" : reason);

    public Task<CampaignProgress> ResumeAsync() => ChangeStatusAsync(CampaignStatus.Paused, CampaignStatus.Running, null);

    public async Task<CampaignProgress> CancelAsync()
    {
        RequireDefinition();
        if (State.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
        {
            return Progress();
        }

        State.Status = CampaignStatus.Cancelled;
        await state.WriteStateAsync();
        LogStatus(CampaignId, State.Status, null);
        metrics.StatusChanged(CampaignId, State.Status);
        DirectAll();
        return Progress();
    }

    public Task<CampaignProgress?> GetProgressAsync() => Task.FromResult(State.Definition is null ? null : Progress());

    public Task<CampaignDefinition?> GetDefinitionAsync() => Task.FromResult(State.Definition);

    public async Task<IReadOnlyList<CampaignFailure>> GetFailuresAsync(int limit)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "1–1000 failures per call.");
        }

        if (State.ShardCounts.Count == 0)
        {
            return [];
        }

        IReadOnlyList<CampaignFailure>[] perShard = await Task.WhenAll(
            Enumerable.Range(0, State.ShardCounts.Count).Where(s => State.ShardCounts[s].Failed + State.ShardCounts[s].NotReached > 0).Select(s => Shard(s).GetFailuresAsync(limit)));
        return [.. perShard.SelectMany(f => f).OrderBy(f => f.At).ThenBy(f => f.DeviceKey, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<ShardDirective> ReportAsync(int shard, CampaignCounts counts)
    {
        CampaignDefinition definition = RequireDefinition();
        if ((uint)shard >= (uint)State.ShardCounts.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, "No such shard in this campaign.");
        }

        State.ShardCounts[shard] = counts;
        CampaignStatus before = State.Status;
        int waveBefore = State.Wave;
        if (State.Status == CampaignStatus.Running)
        {
            JudgeWave(definition.Rollout);
        }

        await state.WriteStateAsync();
        if (State.Status != before || State.Wave != waveBefore)
        {
            // Every other worker learns it now (one-way), not on its next report.
            DirectAll(except: shard);
        }

        return DirectiveFor(shard, InFlightAllowances());
    }

    /// <summary>Pauses on the failure rate; else advances the wave once every shard has finished its quota.</summary>
    private void JudgeWave(RolloutPolicy rollout)
    {
        CampaignCounts total = CampaignCounts.Sum(State.ShardCounts);
        long succeeded = total.Succeeded - State.SucceededAtWaveStart;
        long failed = total.Failed - State.FailedAtWaveStart;
        if (succeeded + failed >= rollout.MinOutcomesForFailureRate && failed > rollout.FailureRateThreshold * (succeeded + failed))
        {
            State.Status = CampaignStatus.Paused;
            State.PauseReason = string.Create(CultureInfo.InvariantCulture, $"wave {State.Wave}: {failed} of {succeeded + failed} devices failed, over the threshold {rollout.FailureRateThreshold:0.##%}");
            LogStatus(CampaignId, State.Status, State.PauseReason);
            metrics.StatusChanged(CampaignId, State.Status);
            return;
        }

        bool waveDone = Enumerable.Range(0, State.ShardCounts.Count).All(s =>
            State.ShardCounts[s] is var c && c.InFlight == 0 && (c.Started >= State.ShardQuotas[s] || c.Exhausted));
        if (!waveDone)
        {
            return;
        }

        if (State.Wave + 1 >= State.Waves.Count)
        {
            State.Status = CampaignStatus.Completed;
            LogStatus(CampaignId, State.Status, null);
            metrics.StatusChanged(CampaignId, State.Status);
            return;
        }

        State.Wave++;
        State.SucceededAtWaveStart = total.Succeeded;
        State.FailedAtWaveStart = total.Failed;
        AssignQuotas();
        LogWave(CampaignId, State.Wave, State.Waves[State.Wave]);
    }

    private void AssignQuotas()
    {
        if (State.Waves.Count == 0)
        {
            return;
        }

        long[] quotas = WavePlan.Split(State.Waves[State.Wave], State.ShardTargets);
        for (int s = 0; s < quotas.Length; s++)
        {
            State.ShardQuotas[s] = Math.Max(State.ShardQuotas[s], quotas[s]);
        }
    }

    private async Task<CampaignProgress> ChangeStatusAsync(CampaignStatus from, CampaignStatus to, string? reason)
    {
        RequireDefinition();
        if (State.Status != from)
        {
            throw new InvalidOperationException($"Campaign {CampaignId} is {State.Status}, not {from}.");
        }

        State.Status = to;
        State.PauseReason = reason;
        if (to == CampaignStatus.Running)
        {
            // The failure rate of a resumed wave counts afresh: the operator looked at what failed so far.
            CampaignCounts total = CampaignCounts.Sum(State.ShardCounts);
            (State.SucceededAtWaveStart, State.FailedAtWaveStart) = (total.Succeeded, total.Failed);

            // The wave may have ended while paused: move on now, not at the next report.
            JudgeWave(RequireDefinition().Rollout);
        }

        await state.WriteStateAsync();
        LogStatus(CampaignId, to, reason);
        metrics.StatusChanged(CampaignId, to);
        DirectAll();
        return Progress();
    }

    private void DirectAll(int except = -1)
    {
        long[] allowances = InFlightAllowances();
        for (int s = 0; s < State.ShardCounts.Count; s++)
        {
            if (s != except && State.ShardTargets[s] > 0)
            {
                _ = Shard(s).DirectAsync(DirectiveFor(s, allowances));
            }
        }
    }

    private ShardDirective DirectiveFor(int shard, long[] allowances)
    {
        CampaignDefinition definition = State.Definition!;
        long total = Math.Max(1, State.ShardTargets.Sum());
        double share = (double)State.ShardTargets[shard] / total;
        int maxInFlight = (int)Math.Max(allowances[shard], State.ShardCounts[shard].InFlight);
        return new ShardDirective(definition, State.Status, State.ShardQuotas[shard], maxInFlight, definition.Rollout.MaxStartsPerMinute * share);
    }

    /// <summary>
    /// Each shard's part of the campaign's in-flight limit: the limit split over the devices each shard has left (in
    /// flight or not started), so the parts add up to the limit and move to the shards that still have work as others
    /// finish. A shard never gets less than it has in flight already.
    /// </summary>
    private long[] InFlightAllowances()
    {
        long[] remaining = [.. State.ShardTargets.Select((target, s) => Math.Max(0, target - State.ShardCounts[s].Finished))];
        return WavePlan.Split(Math.Min(RequireDefinition().Rollout.MaxInFlight, remaining.Sum()), remaining);
    }

    private ICampaignShardGrain Shard(int shard) => GrainFactory.GetGrain<ICampaignShardGrain>(CampaignShardKey.Format(CampaignId, shard));

    private CampaignProgress Progress()
    {
        CampaignCounts total = CampaignCounts.Sum(State.ShardCounts);
        long targeted = State.ShardTargets.Sum();
        return new CampaignProgress
        {
            Status = State.Status,
            PauseReason = State.PauseReason,
            Targeted = targeted,
            Pending = Math.Max(0, targeted - total.Started),
            Wave = State.Wave,
            WaveCount = State.Waves.Count,
            Counts = total,
        };
    }

    private CampaignDefinition RequireDefinition() =>
        State.Definition ?? throw new InvalidOperationException($"Campaign {CampaignId} was never created.");
}
