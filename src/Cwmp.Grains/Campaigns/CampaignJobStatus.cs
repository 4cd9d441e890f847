namespace Cwmp.Grains.Campaigns;

/// <summary>Where a device's job of one campaign is, as the device tells its shard worker.</summary>
[GenerateSerializer, Alias("cwmp.CampaignJobState")]
internal enum CampaignJobState
{
    /// <summary>The task is queued, on the wire, or waiting for its TransferComplete or the new version.</summary>
    Running = 0,

    /// <summary>Ended with <see cref="CampaignJobStatus.Outcome"/>.</summary>
    Finished = 1,

    /// <summary>Not started: the device holds an unfinished job of another campaign.</summary>
    Busy = 2,

    /// <summary>The device has no job of this campaign (it never informed, or it was forgotten).</summary>
    Unknown = 3,
}

/// <summary>A device's answer about its campaign job.</summary>
/// <param name="Code">Why, for anything but success: a CWMP fault code ("9010") or a reason ("timeout", "version_mismatch", …).</param>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignJobStatus")]
internal sealed record CampaignJobStatus(
    [property: Id(0)] CampaignJobState State,
    [property: Id(1)] CampaignOutcome? Outcome = null,
    [property: Id(2)] string? Code = null,
    [property: Id(3)] string? Message = null,
    [property: Id(4)] DateTimeOffset? At = null)
{
    public static CampaignJobStatus Running { get; } = new(CampaignJobState.Running);

    public static CampaignJobStatus Busy { get; } = new(CampaignJobState.Busy, CampaignOutcome.Skipped, CampaignReasons.Busy);

    public static CampaignJobStatus Unknown { get; } = new(CampaignJobState.Unknown);
}
