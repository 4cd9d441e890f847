namespace Cwmp.Grains.Campaigns;

/// <summary>What a shard worker asks one device to do for a campaign (<see cref="IDeviceCampaignJobs"/>).</summary>
/// <param name="CampaignId">The campaign; a device holds at most one unfinished campaign job.</param>
/// <param name="ShardKey">The worker that follows the device ("campaignId/shard"): the device reports its outcome there.</param>
/// <param name="Firmware">The firmware action, or null for a parameter campaign.</param>
/// <param name="Parameters">The values of a parameter campaign (one SetParameterValues).</param>
/// <param name="ConnectionRequest">Wake the device now instead of waiting for its next Inform.</param>
/// <param name="Deadline">After it the device counts as not reached (task not sent) or failed (sent, no end).</param>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignJobOrder")]
internal sealed record CampaignJobOrder(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string ShardKey,
    [property: Id(2)] FirmwareAction? Firmware,
    [property: Id(3)] IReadOnlyList<CampaignParameter> Parameters,
    [property: Id(4)] bool ConnectionRequest,
    [property: Id(5)] DateTimeOffset Deadline);
