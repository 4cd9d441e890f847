using Cwmp.Grains.Index;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;

namespace Cwmp.Grains.Campaigns;

/// <summary>
/// The worker of one campaign on one index shard (issue 7). Each tick it asks its in-flight devices when it may have
/// missed their reports, ends the overdue ones, withdraws the unsent ones of a cancelled campaign, starts new devices
/// from the index cursor within its quota, in-flight share, start rate and time windows, writes its state once and
/// reports its counts upwards (its directive comes back in the answer).
/// </summary>
/// <remarks>
/// Exactly once: every device call is idempotent per campaign, and the cursor, the in-flight set and the counts are
/// stored in one write. A device is counted either when it leaves the stored in-flight set, or when a worker that
/// restarted from an older cursor visits it again and it answers with its finished outcome: never both. Counts are
/// stored before they are reported, so the campaign never sees a count the worker could lose.
/// Placed at random rather than by the default resource-optimized placement: workers are few and long-lived, and
/// should spread over the silos whichever silo created the campaign.
/// </remarks>
[RandomPlacement]
internal sealed partial class CampaignShardGrain(
    [PersistentState("shard", CwmpStorageNames.Campaigns)] IPersistentState<CampaignShardState> state,
    IDeviceIndex index,
    TimeProvider time,
    IOptions<CampaignOptions> options,
    CampaignMetrics metrics,
    ILogger<CampaignShardGrain> logger) : Grain, ICampaignShardGrain, ICampaignDeviceReports, IRemindable
{
    private const string ReminderName = "campaign-shard";

    private readonly CampaignOptions _options = options.Value;
    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    // Memory is ahead of storage.
    private bool _changed;

    // After an activation the worker may have missed reports: it asks every in-flight device on its first tick.
    private bool _pollDue = true;
    private DateTimeOffset _lastPollAt;
    private CampaignCounts? _lastReported;
    private DateTimeOffset _lastReportAt;
    private string _campaignId = string.Empty;
    private int _shard;

    private CampaignShardState State => state.State;

    private string ShardKey => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_campaignId, _shard) = CampaignShardKey.Parse(ShardKey);
        if (State.Directive is not null && !State.Finished)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task DirectAsync(ShardDirective directive)
    {
        ArgumentNullException.ThrowIfNull(directive);
        if (State.Finished)
        {
            return;
        }

        bool first = State.Directive is null;
        State.Directive = directive;
        if (first)
        {
            // The bucket starts full, so a canary wave does not wait a minute for its first devices.
            State.StartTokens = BucketCapacity(directive);
            State.TokensAt = time.GetUtcNow();
        }

        await state.WriteStateAsync();
        _changed = false;
        StartTimer();
        await EnsureReminderAsync();
    }

    public async Task<CampaignCounts> TickAsync()
    {
        await RunTickAsync();
        return State.ToCounts();
    }

    public Task<CampaignCounts> GetCountsAsync() => Task.FromResult(State.ToCounts());

    public Task<IReadOnlyList<CampaignFailure>> GetFailuresAsync(int limit) =>
        Task.FromResult<IReadOnlyList<CampaignFailure>>([.. State.Failures.Take(Math.Max(0, limit))]);

    public Task DeviceFinishedAsync(string deviceKey, CampaignJobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.State == CampaignJobState.Finished && State.InFlight.Remove(deviceKey))
        {
            // Stored with the next tick's write; lost with this activation, the poll after the next one finds it again.
            Count(deviceKey, status);
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Finished || State.Directive is null)
        {
            await RemoveReminderAsync();
            return;
        }

        // The activation that this reminder caused started the timer; nothing else to do.
        StartTimer();
    }

    private async Task RunTickAsync()
    {
        if (State.Directive is not { } directive || State.Finished)
        {
            return;
        }

        DateTimeOffset now = time.GetUtcNow();
        if (_pollDue || now - _lastPollAt >= _options.PollInterval)
        {
            await PollInFlightAsync(now);
        }

        await EndOverdueAsync(now);
        if (directive.Status == CampaignStatus.Cancelled && !State.Withdrawn)
        {
            await WithdrawAsync();
        }

        if (directive.Status == CampaignStatus.Running)
        {
            await StartDevicesAsync(directive, now);
        }

        if (_changed)
        {
            await state.WriteStateAsync();
            _changed = false;
        }

        await ReportAsync(now);
        await FinishWhenDoneAsync();
    }

    private async Task StartDevicesAsync(ShardDirective directive, DateTimeOffset now)
    {
        RefillBucket(directive, now);
        if (State.Exhausted || !directive.Definition.Rollout.AllowsStartAt(now))
        {
            return;
        }

        DateTimeOffset deadline = now + directive.Definition.Rollout.DeviceDeadline;
        var order = new CampaignJobOrder(_campaignId, ShardKey, directive.Definition.Firmware, directive.Definition.Parameters, directive.Definition.Rollout.ConnectionRequest, deadline);
        for (int page = 0; page < _options.MaxPagesPerTick && !State.Exhausted; page++)
        {
            long budget = Math.Min(
                Math.Min(directive.Quota - State.Started, directive.MaxInFlight - State.InFlight.Count),
                Math.Min((long)Math.Floor(State.StartTokens), Math.Clamp(_options.PageSize, 1, 1000)));
            if (budget <= 0)
            {
                return;
            }

            DeviceQueryPage found;
            CampaignJobStatus[] answers;
            try
            {
                found = await index.QueryShardAsync(_shard, directive.Definition.Target, State.Cursor, (int)budget);
                answers = await Task.WhenAll(found.Devices.Select(d => GrainFactory.GetGrain<IDeviceCampaignJobs>(d.DeviceKey).StartCampaignJobAsync(order)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing of this page is kept: the next tick reads it again, and the devices answer the same.
                LogStepFailed(e, ShardKey, "start");
                metrics.WorkerError("start");
                return;
            }

            for (int i = 0; i < answers.Length; i++)
            {
                string deviceKey = found.Devices[i].DeviceKey;
                State.Started++;
                State.StartTokens--;
                metrics.Device(_campaignId, "started", null);
                switch (answers[i].State)
                {
                    case CampaignJobState.Running:
                        State.InFlight[deviceKey] = deadline;
                        break;
                    case CampaignJobState.Finished or CampaignJobState.Busy:
                        Count(deviceKey, answers[i]);
                        break;
                    default:
                        Count(deviceKey, new CampaignJobStatus(CampaignJobState.Finished, CampaignOutcome.Skipped, CampaignReasons.UnknownDevice, null, now));
                        break;
                }
            }

            State.Cursor = found.NextCursor;
            State.Exhausted = found.NextCursor is null;
            _changed = true;
            if (answers.Length > 0)
            {
                LogStarted(ShardKey, answers.Length, State.InFlight.Count);
            }
        }
    }

    /// <summary>Asks every in-flight device where its job is: the reports this activation may have missed.</summary>
    private async Task PollInFlightAsync(DateTimeOffset now)
    {
        bool complete = await ForEachInFlightAsync(
            State.InFlight.Keys.ToList(),
            (device, key) => device.GetCampaignJobAsync(_campaignId),
            "poll",
            now);
        if (complete)
        {
            _pollDue = false;
            _lastPollAt = now;
        }
    }

    private async Task EndOverdueAsync(DateTimeOffset now) => await ForEachInFlightAsync(
        [.. State.InFlight.Where(d => d.Value <= now).Select(d => d.Key)],
        (device, key) => device.EndCampaignJobAsync(_campaignId, deadlinePassed: true),
        "deadline",
        now);

    /// <summary>A cancelled campaign withdraws the tasks not yet sent; transfers under way finish and are counted.</summary>
    private async Task WithdrawAsync()
    {
        DateTimeOffset now = time.GetUtcNow();
        if (await ForEachInFlightAsync(State.InFlight.Keys.ToList(), (device, key) => device.EndCampaignJobAsync(_campaignId, deadlinePassed: false), "withdraw", now))
        {
            State.Withdrawn = true;
            _changed = true;
        }
    }

    /// <summary>Calls the devices in batches and counts those that answer with an end; false when a batch failed.</summary>
    private async Task<bool> ForEachInFlightAsync(
        List<string> deviceKeys, Func<IDeviceCampaignJobs, string, Task<CampaignJobStatus>> call, string step, DateTimeOffset now)
    {
        int batchSize = Math.Clamp(_options.PageSize, 1, 1000);
        for (int offset = 0; offset < deviceKeys.Count; offset += batchSize)
        {
            List<string> batch = deviceKeys.GetRange(offset, Math.Min(batchSize, deviceKeys.Count - offset));
            CampaignJobStatus[] answers;
            try
            {
                answers = await Task.WhenAll(batch.Select(k => call(GrainFactory.GetGrain<IDeviceCampaignJobs>(k), k)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStepFailed(e, ShardKey, step);
                metrics.WorkerError(step);
                return false;
            }

            for (int i = 0; i < batch.Count; i++)
            {
                CampaignJobStatus answer = answers[i].State == CampaignJobState.Unknown
                    ? new CampaignJobStatus(CampaignJobState.Finished, CampaignOutcome.Failed, CampaignReasons.TaskLost, "the device no longer holds the campaign's job", now)
                    : answers[i];
                if (answer.State == CampaignJobState.Finished && State.InFlight.Remove(batch[i]))
                {
                    Count(batch[i], answer);
                }
            }
        }

        return true;
    }

    private void Count(string deviceKey, CampaignJobStatus status)
    {
        CampaignOutcome outcome = status.Outcome ?? CampaignOutcome.Failed;
        switch (outcome)
        {
            case CampaignOutcome.Succeeded:
                State.Succeeded++;
                break;
            case CampaignOutcome.Failed:
                State.Failed++;
                string code = status.Code ?? "unknown";
                State.FailedBy[code] = State.FailedBy.GetValueOrDefault(code) + 1;
                KeepFailure(deviceKey, code, status);
                break;
            case CampaignOutcome.NotReached:
                State.NotReached++;
                KeepFailure(deviceKey, "not_reached:" + (status.Code ?? CampaignReasons.Deadline), status);
                break;
            default:
                State.Skipped++;
                break;
        }

        metrics.Device(_campaignId, OutcomeTag(outcome), status.Code);
        _changed = true;
    }

    private void KeepFailure(string deviceKey, string code, CampaignJobStatus status)
    {
        if (State.Failures.Count < _options.MaxFailuresKept)
        {
            State.Failures.Add(new CampaignFailure(deviceKey, code, status.Message, status.At ?? time.GetUtcNow()));
        }
    }

    private async Task ReportAsync(DateTimeOffset now)
    {
        CampaignCounts counts = State.ToCounts();

        // A worker held back by its in-flight allowance alone asks every tick: allowances move as other shards finish.
        ShardDirective directive = State.Directive!;
        bool starved = directive.Status == CampaignStatus.Running && !State.Exhausted && State.Started < directive.Quota && State.InFlight.Count >= directive.MaxInFlight;
        if (!starved && _lastReported is not null && SameCounts(counts, _lastReported) && now - _lastReportAt < _options.ReportInterval)
        {
            return;
        }

        ShardDirective next;
        try
        {
            next = await GrainFactory.GetGrain<ICampaignGrain>(_campaignId).ReportAsync(_shard, counts);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStepFailed(e, ShardKey, "report");
            metrics.WorkerError("report");
            return;
        }

        (_lastReported, _lastReportAt) = (counts, now);
        ShardDirective current = State.Directive!;
        if (next.Status != current.Status || next.Quota != current.Quota || next.MaxInFlight != current.MaxInFlight || next.StartsPerMinute.CompareTo(current.StartsPerMinute) != 0)
        {
            State.Directive = next;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Completed, or cancelled with nothing left in flight and the last counts reported: the worker stops.</summary>
    private async Task FinishWhenDoneAsync()
    {
        ShardDirective directive = State.Directive!;
        bool over = directive.Status == CampaignStatus.Completed
            || (directive.Status == CampaignStatus.Cancelled && State.Withdrawn && State.InFlight.Count == 0);
        if (!over || _lastReported is null || !SameCounts(State.ToCounts(), _lastReported))
        {
            return;
        }

        State.Finished = true;
        await state.WriteStateAsync();
        _timer?.Dispose();
        _timer = null;
        await RemoveReminderAsync();
        LogFinished(ShardKey, State.Started, State.Succeeded, State.Failed, State.NotReached, State.Skipped);
    }

    private void RefillBucket(ShardDirective directive, DateTimeOffset now)
    {
        DateTimeOffset since = State.TokensAt ?? now;
        double refill = Math.Max(0, (now - since).TotalMinutes) * directive.StartsPerMinute;
        State.StartTokens = Math.Min(BucketCapacity(directive), State.StartTokens + refill);
        State.TokensAt = now;
    }

    private double BucketCapacity(ShardDirective directive) => Math.Max(1, directive.StartsPerMinute * _options.StartBurst.TotalMinutes);

    private void StartTimer() => _timer ??= this.RegisterGrainTimer(
        OnTimerAsync, new GrainTimerCreationOptions(_options.TickInterval, _options.TickInterval) { Interleave = false, KeepAlive = true });

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunTickAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage refused the write: memory stays ahead, and the next tick writes it again.
            LogStepFailed(e, ShardKey, "tick");
            metrics.WorkerError("tick");
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (!_reminderRegistered)
        {
            // Brings the worker back after its silo died, wherever the grain is placed next.
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderRegistered = true;
        }
    }

    private async Task RemoveReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }

    private static bool SameCounts(CampaignCounts a, CampaignCounts b) =>
        a.Started == b.Started && a.InFlight == b.InFlight && a.Succeeded == b.Succeeded && a.Failed == b.Failed
        && a.NotReached == b.NotReached && a.Skipped == b.Skipped && a.Exhausted == b.Exhausted;

    private static string OutcomeTag(CampaignOutcome outcome) => outcome switch
    {
        CampaignOutcome.Succeeded => "succeeded",
        CampaignOutcome.Failed => "failed",
        CampaignOutcome.NotReached => "not_reached",
        _ => "skipped",
    };
}
