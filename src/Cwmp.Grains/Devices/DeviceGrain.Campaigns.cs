using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cwmp.Grains.Campaigns;
using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Campaign jobs (issue 7): the shard worker starts one per device, the device follows it to an outcome in its own
/// sessions (firmware: TransferComplete without fault, then the target SoftwareVersion) and reports the outcome to
/// the worker once it is stored. The job in the state record is also the lock that keeps a device out of two
/// campaigns at once.
/// </summary>
internal sealed partial class DeviceGrain : IDeviceCampaignJobs
{
    /// <summary>The most characters of a CommandKey (TR-069 A.3.2.8: string(32)).</summary>
    private const int MaxCommandKeyLength = 32;

    public async Task<CampaignJobStatus> StartCampaignJobAsync(CampaignJobOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        DateTimeOffset now = _time.GetUtcNow();
        if (!IsKnown)
        {
            return CampaignJobStatus.Unknown;
        }

        DeviceCampaignJob? current = State.CampaignJob;
        if (current is not null && string.Equals(current.CampaignId, order.CampaignId, StringComparison.Ordinal))
        {
            return current.ToStatus();
        }

        // A job whose deadline is long past was abandoned by its campaign (deleted, or its worker lost): it no longer
        // holds the device, and the new job replaces it.
        if (current is { IsFinished: false } && now < current.Deadline + _options.AbandonedCampaignJobGrace)
        {
            LogCampaignJobBusy(DeviceKey, order.CampaignId, current.CampaignId);
            return CampaignJobStatus.Busy;
        }

        var job = new DeviceCampaignJob
        {
            CampaignId = order.CampaignId,
            ShardKey = order.ShardKey,
            TargetSoftwareVersion = order.Firmware?.TargetSoftwareVersion,
            StartedAt = now,
            Deadline = order.Deadline,
        };
        if (order.Firmware is { } firmware && string.Equals(CurrentSoftwareVersion(), firmware.TargetSoftwareVersion, StringComparison.Ordinal))
        {
            job.Finish(CampaignOutcome.Skipped, CampaignReasons.AlreadyAtVersion, null, now);
        }
        else
        {
            job.TaskId = AddTask(CampaignRequest(order), CampaignShardKey.Requester(order.ShardKey), now).Id;
        }

        State.CampaignJob = job;
        _dirty = true;
        await PersistAsync();
        LogCampaignJobStarted(DeviceKey, order.CampaignId, job.TaskId, job.Outcome);
        if (order.ConnectionRequest && !job.IsFinished && _session is null)
        {
            // One-way to itself: the request runs after this turn, and the worker does not wait for the CPE.
            _ = this.AsReference<IDeviceCampaignJobs>().WakeForCampaignAsync();
        }

        return job.ToStatus();
    }

    public async Task<CampaignJobStatus> GetCampaignJobAsync(string campaignId)
    {
        if (State.CampaignJob is not { } job || !string.Equals(job.CampaignId, campaignId, StringComparison.Ordinal))
        {
            return CampaignJobStatus.Unknown;
        }

        if (AdvanceCampaignJob(_time.GetUtcNow()))
        {
            await PersistAsync();
        }

        return job.ToStatus();
    }

    public async Task<CampaignJobStatus> EndCampaignJobAsync(string campaignId, bool deadlinePassed)
    {
        if (State.CampaignJob is not { } job || !string.Equals(job.CampaignId, campaignId, StringComparison.Ordinal))
        {
            return CampaignJobStatus.Unknown;
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (!AdvanceCampaignJob(now) && !job.IsFinished)
        {
            DeviceTask? task = FindTask(job.TaskId);
            if (task is { IsQueued: true })
            {
                task.State = DeviceTaskState.Cancelled;
                task.UpdatedAt = now;
                job.Finish(CampaignOutcome.NotReached, deadlinePassed ? CampaignReasons.Deadline : CampaignReasons.Cancelled, null, now);
            }
            else if (deadlinePassed)
            {
                job.Finish(CampaignOutcome.Failed, CampaignReasons.Timeout, $"{task?.Request.MethodName ?? "the task"} sent, no end before the deadline", now);
            }
            else
            {
                // Cancelled while the device is downloading: the transfer finishes and is counted.
                return job.ToStatus();
            }

            _dirty = true;
            NotifyWaiters();
        }

        await PersistAsync();
        LogCampaignJobEnded(DeviceKey, campaignId, job.Outcome, job.Code);
        return job.ToStatus();
    }

    public async Task WakeForCampaignAsync()
    {
        if (_session is not null || State.CampaignJob is not { IsFinished: false })
        {
            return;
        }

        ConnectionRequestTarget? target = await BuildConnectionRequestTargetAsync();
        ConnectionRequestOutcome outcome = await RequestConnectionAsync(_session is not null, target);
        LogCampaignWake(DeviceKey, State.CampaignJob?.CampaignId, outcome);
    }

    /// <summary>
    /// After every POST: has the campaign job ended? When it has, the outcome is stored first and then reported to the
    /// worker (a report that is lost is found again by the worker's own polling).
    /// </summary>
    private async Task FollowCampaignJobAsync(DateTimeOffset now)
    {
        if (State.CampaignJob is not { IsFinished: false } job || !AdvanceCampaignJob(now))
        {
            return;
        }

        try
        {
            await PersistAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stays unreported until the state is stored: the worker's poll reads it then.
            LogStorageUnavailable(e, DeviceKey);
            return;
        }

        LogCampaignJobEnded(DeviceKey, job.CampaignId, job.Outcome, job.Code);
        _ = GrainFactory.GetGrain<ICampaignDeviceReports>(job.ShardKey).DeviceFinishedAsync(DeviceKey, job.ToStatus());
    }

    /// <summary>Moves the job on from its task and the reported version; true when it finished now.</summary>
    private bool AdvanceCampaignJob(DateTimeOffset now)
    {
        if (State.CampaignJob is not { IsFinished: false } job)
        {
            return false;
        }

        DeviceTask? task = FindTask(job.TaskId);

        // A finished transfer's task may be pruned from the queue while the job waits for the new version.
        DeviceTaskState? taskState = task?.State ?? (job.TransferDoneAt is null ? null : DeviceTaskState.Done);
        switch (taskState)
        {
            case null:
                job.Finish(CampaignOutcome.Failed, CampaignReasons.TaskLost, null, now);
                break;
            case DeviceTaskState.Faulted:
                job.Finish(CampaignOutcome.Failed, task!.Fault?.FaultCode.ToString(CultureInfo.InvariantCulture) ?? "fault", task.Fault?.FaultString, now);
                break;
            case DeviceTaskState.Cancelled:
                job.Finish(CampaignOutcome.NotReached, CampaignReasons.Cancelled, "the task was cancelled", now);
                break;
            case DeviceTaskState.Done when job.TargetSoftwareVersion is null:
                job.Finish(CampaignOutcome.Succeeded, null, null, now);
                break;
            case DeviceTaskState.Done:
                string? version = CurrentSoftwareVersion();
                if (string.Equals(version, job.TargetSoftwareVersion, StringComparison.Ordinal))
                {
                    job.Finish(CampaignOutcome.Succeeded, null, null, now);
                }
                else if (job.TransferDoneAt is null)
                {
                    // Some CPEs send TransferComplete before they reboot into the new image: the next Inform decides.
                    job.TransferDoneAt = now;
                    _lazyDirty = true;
                    return false;
                }
                else if (State.LastInformAt > job.TransferDoneAt)
                {
                    job.Finish(CampaignOutcome.Failed, CampaignReasons.VersionMismatch, $"reports {version ?? "no version"}, expected {job.TargetSoftwareVersion}", now);
                }
                else
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        _dirty = true;
        return true;
    }

    private static CwmpRequest CampaignRequest(CampaignJobOrder order)
    {
        string commandKey = CampaignCommandKey(order.CampaignId);
        if (order.Firmware is not { } firmware)
        {
            return new SetParameterValues([.. order.Parameters.Select(p => new ParameterValueStruct(p.Name, p.Value, p.Type))], commandKey);
        }

        if (firmware.ScheduleWindows.Count == 0)
        {
            return new Download(commandKey, firmware.FileType, firmware.Url, firmware.Username, firmware.Password, firmware.FileSize);
        }

        return new ScheduleDownload(
            commandKey, firmware.FileType, firmware.Url, firmware.Username, firmware.Password, firmware.FileSize, string.Empty,
            [.. firmware.ScheduleWindows.Select(w => new TimeWindowStruct((uint)w.Start.TotalSeconds, (uint)w.End.TotalSeconds, w.Mode, w.UserMessage, w.MaxRetries))]);
    }

    /// <summary>The campaign id, or a digest of it when longer than a CommandKey may be.</summary>
    internal static string CampaignCommandKey(string campaignId)
    {
        if (campaignId.Length <= MaxCommandKeyLength)
        {
            return campaignId;
        }

        return "c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(campaignId)))[..(MaxCommandKeyLength - 2)];
    }
}
