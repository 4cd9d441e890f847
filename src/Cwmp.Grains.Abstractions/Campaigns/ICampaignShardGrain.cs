namespace Cwmp.Grains.Campaigns;

/// <summary>
/// The worker of one campaign on one index shard (key "campaignId/shard"): pages through the shard's matching
/// devices, queues their tasks at its share of the rate, follows them to an outcome and reports counts upwards.
/// </summary>
[Alias("cwmp.ICampaignShardGrain")]
public interface ICampaignShardGrain : IGrainWithStringKey
{
    /// <summary>The campaign's instruction (status, quota, shares). One-way: the campaign never waits on a worker.</summary>
    [Alias("Direct")]
    [Orleans.Concurrency.OneWay]
    Task DirectAsync(ShardDirective directive);

    /// <summary>One step of work (the worker's timer and reminder call it too): follow, start, report.</summary>
    [Alias("Tick")]
    Task<CampaignCounts> TickAsync();

    // Reads interleave: the campaign grain asks them while a worker may be waiting on the campaign's answer to a report.
    [Alias("GetCounts")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<CampaignCounts> GetCountsAsync();

    /// <summary>The devices that failed or were not reached (the first ones kept per shard; counts stay exact).</summary>
    [Alias("GetFailures")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<CampaignFailure>> GetFailuresAsync(int limit);
}

/// <summary>What a shard worker is to do.</summary>
/// <param name="Definition">The campaign.</param>
/// <param name="Status">Running starts devices; every other status only follows the devices in flight.</param>
/// <param name="Quota">How many devices the worker may have started in all (its share of the current wave).</param>
/// <param name="MaxInFlight">Its share of the campaign's in-flight limit.</param>
/// <param name="StartsPerMinute">Its share of the campaign's start rate.</param>
[GenerateSerializer, Immutable, Alias("cwmp.ShardDirective")]
public sealed record ShardDirective(
    [property: Id(0)] CampaignDefinition Definition,
    [property: Id(1)] CampaignStatus Status,
    [property: Id(2)] long Quota,
    [property: Id(3)] int MaxInFlight,
    [property: Id(4)] double StartsPerMinute);
