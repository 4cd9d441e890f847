namespace Cwmp.Grains.Campaigns;

/// <summary>
/// One campaign (key: the campaign id). Holds the definition, the status and the waves, and the latest counts of its
/// shard workers (<see cref="ICampaignShardGrain"/>), one per index shard; it never hears of single devices.
/// </summary>
[Alias("cwmp.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <exception cref="ArgumentException">The definition is invalid.</exception>
    /// <exception cref="InvalidOperationException">The campaign exists already.</exception>
    [Alias("Create")]
    Task CreateAsync(CampaignDefinition definition);

    /// <summary>Counts the target per shard, fixes the waves and starts the shard workers.</summary>
    [Alias("Start")]
    Task<CampaignProgress> StartAsync();

    [Alias("Pause")]
    Task<CampaignProgress> PauseAsync(string reason);

    [Alias("Resume")]
    Task<CampaignProgress> ResumeAsync();

    /// <summary>No new starts, for good; devices in flight finish and are counted.</summary>
    [Alias("Cancel")]
    Task<CampaignProgress> CancelAsync();

    /// <summary>Null for a campaign that was never created.</summary>
    [Alias("GetProgress")]
    Task<CampaignProgress?> GetProgressAsync();

    [Alias("GetDefinition")]
    Task<CampaignDefinition?> GetDefinitionAsync();

    /// <summary>Up to <paramref name="limit"/> failed devices, asking each shard worker (one message per shard).</summary>
    [Alias("GetFailures")]
    Task<IReadOnlyList<CampaignFailure>> GetFailuresAsync(int limit);

    /// <summary>A shard worker's counts; returns what the worker must do now.</summary>
    [Alias("Report")]
    Task<ShardDirective> ReportAsync(int shard, CampaignCounts counts);
}
