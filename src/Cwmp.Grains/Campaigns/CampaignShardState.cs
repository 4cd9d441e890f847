namespace Cwmp.Grains.Campaigns;

/// <summary>
/// The stored state of one shard worker: where it is in its shard (the index cursor), the devices it follows (bounded
/// by its share of the in-flight limit) and its counts. The cursor, the in-flight set and the counts are written
/// together, which is what makes each device count once (docs/campaigns.md).
/// </summary>
[GenerateSerializer, Alias("cwmp.CampaignShardState")]
internal sealed class CampaignShardState
{
    /// <summary>The latest directive of the campaign grain.</summary>
    [Id(0)] public ShardDirective? Directive { get; set; }

    /// <summary>The index cursor after the last device started; null before the first page.</summary>
    [Id(1)] public string? Cursor { get; set; }

    [Id(2)] public bool Exhausted { get; set; }

    /// <summary>Device key → its deadline.</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> InFlight { get; set; } = new(StringComparer.Ordinal);

    [Id(4)] public long Started { get; set; }

    [Id(5)] public long Succeeded { get; set; }

    [Id(6)] public long Failed { get; set; }

    [Id(7)] public long NotReached { get; set; }

    [Id(8)] public long Skipped { get; set; }

    [Id(9)] public Dictionary<string, long> FailedBy { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The first failed and not-reached devices, for operators (bounded).</summary>
    [Id(10)] public List<CampaignFailure> Failures { get; set; } = [];

    /// <summary>Starts the rate allows now (a token bucket refilled at the directive's rate).</summary>
    [Id(11)] public double StartTokens { get; set; }

    [Id(12)] public DateTimeOffset? TokensAt { get; set; }

    /// <summary>The devices not yet sent their task were withdrawn after the campaign was cancelled.</summary>
    [Id(13)] public bool Withdrawn { get; set; }

    /// <summary>The campaign is over for this worker: nothing in flight and nothing more to start.</summary>
    [Id(14)] public bool Finished { get; set; }

    public CampaignCounts ToCounts() => new()
    {
        Started = Started,
        InFlight = InFlight.Count,
        Succeeded = Succeeded,
        Failed = Failed,
        NotReached = NotReached,
        Skipped = Skipped,
        FailedBy = new Dictionary<string, long>(FailedBy),
        Exhausted = Exhausted,
    };
}
