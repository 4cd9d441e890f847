using Cwmp.Grains.Campaigns;

namespace Cwmp.Grains.Devices;

/// <summary>
/// The device's job of its latest campaign, in its state record. An unfinished one is the per-device campaign lock;
/// a finished one stays until the next campaign replaces it, so that a worker asking again gets the same answer.
/// </summary>
[GenerateSerializer, Alias("cwmp.DeviceCampaignJob")]
internal sealed class DeviceCampaignJob
{
    [Id(0)] public string CampaignId { get; set; } = string.Empty;

    [Id(1)] public string ShardKey { get; set; } = string.Empty;

    [Id(2)] public string TaskId { get; set; } = string.Empty;

    /// <summary>For firmware: the version that marks success; null for a parameter campaign.</summary>
    [Id(3)] public string? TargetSoftwareVersion { get; set; }

    [Id(4)] public DateTimeOffset StartedAt { get; set; }

    [Id(5)] public DateTimeOffset Deadline { get; set; }

    /// <summary>The transfer completed while the device still reported another version: the next Inform decides.</summary>
    [Id(6)] public DateTimeOffset? TransferDoneAt { get; set; }

    [Id(7)] public CampaignOutcome? Outcome { get; set; }

    [Id(8)] public string? Code { get; set; }

    [Id(9)] public string? Message { get; set; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Outcome is not null;

    public CampaignJobStatus ToStatus() => Outcome is { } outcome
        ? new CampaignJobStatus(CampaignJobState.Finished, outcome, Code, Message, FinishedAt)
        : CampaignJobStatus.Running;

    public void Finish(CampaignOutcome outcome, string? code, string? message, DateTimeOffset now)
    {
        Outcome = outcome;
        Code = code;
        Message = message;
        FinishedAt = now;
    }
}
