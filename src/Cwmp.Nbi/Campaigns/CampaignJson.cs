using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;

namespace Cwmp.Nbi.Campaigns;

/// <summary>A campaign as the NBI shows it: its definition (never a password) and its progress.</summary>
/// <param name="TargetedNow">On creation: the devices the target matches now (the campaign counts again when it starts).</param>
internal sealed record CampaignJson(
    string Id,
    string Location,
    string Name,
    DeviceQuery Target,
    FirmwareJson? Firmware,
    IReadOnlyList<CampaignParameter> Parameters,
    RolloutJson Rollout,
    CampaignProgress Progress,
    long? TargetedNow)
{
    public static CampaignJson From(string id, CampaignDefinition definition, CampaignProgress progress, long? targetedNow) => new(
        id,
        PathOf(id),
        definition.Name,
        definition.Target,
        definition.Firmware is { } f ? new FirmwareJson(f.Url, f.TargetSoftwareVersion, f.FileType, f.FileSize) : null,
        definition.Parameters,
        RolloutJson.From(definition.Rollout),
        progress,
        targetedNow);

    public static string PathOf(string id) => "/api/v1/campaigns/" + Uri.EscapeDataString(id);
}

/// <summary>The Download every device gets.</summary>
internal sealed record FirmwareJson(string Url, string TargetSoftwareVersion, string FileType, uint FileSize);

/// <summary>The rollout policy, with the deadline in seconds as the request gives it.</summary>
internal sealed record RolloutJson(
    int CanaryCount,
    IReadOnlyList<int> WavePercentages,
    int MaxInFlight,
    int MaxStartsPerMinute,
    double FailureRateThreshold,
    int MinOutcomesForFailureRate,
    bool ConnectionRequest,
    long DeviceDeadlineSeconds)
{
    public static RolloutJson From(RolloutPolicy p) => new(
        p.CanaryCount, p.WavePercentages, p.MaxInFlight, p.MaxStartsPerMinute, p.FailureRateThreshold, p.MinOutcomesForFailureRate, p.ConnectionRequest, (long)p.DeviceDeadline.TotalSeconds);
}

/// <summary>One campaign of the list.</summary>
internal sealed record CampaignSummaryJson(string Id, string Location, string Name, DateTimeOffset CreatedAt, string CreatedBy, CampaignStatus? Status, string? PauseReason);

internal sealed record CampaignListJson(IReadOnlyList<CampaignSummaryJson> Campaigns, string? NextCursor);

internal sealed record CampaignFailureListJson(string CampaignId, IReadOnlyList<CampaignFailure> Failures);
