namespace Cwmp.Grains.Campaigns;

/// <summary>
/// The device grain's side of campaigns, called by shard workers only. Every call is idempotent per campaign, so a
/// worker that lost its memory can ask again and count each device once (docs/campaigns.md, exactly-once).
/// </summary>
[Alias("cwmp.IDeviceCampaignJobs")]
internal interface IDeviceCampaignJobs : IGrainWithStringKey
{
    /// <summary>
    /// Queues the campaign's task (once: asked again, answers where the job is) unless the device is in another
    /// campaign (Busy) or already at the target version (Finished, Skipped).
    /// </summary>
    [Alias("StartCampaignJob")]
    Task<CampaignJobStatus> StartCampaignJobAsync(CampaignJobOrder order);

    [Alias("GetCampaignJob")]
    Task<CampaignJobStatus> GetCampaignJobAsync(string campaignId);

    /// <summary>
    /// Ends the job early: at its deadline (a task not yet sent is withdrawn: not reached; one sent: failed, timeout)
    /// or because the campaign was cancelled (only a task not yet sent is withdrawn; a running transfer finishes).
    /// </summary>
    [Alias("EndCampaignJob")]
    Task<CampaignJobStatus> EndCampaignJobAsync(string campaignId, bool deadlinePassed);

    /// <summary>Sends a connection request when no session is open; the shard worker does not wait for it.</summary>
    [Alias("WakeForCampaign")]
    [Orleans.Concurrency.OneWay]
    [Orleans.Concurrency.AlwaysInterleave]
    Task WakeForCampaignAsync();
}
