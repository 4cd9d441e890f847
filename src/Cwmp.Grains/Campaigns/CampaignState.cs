namespace Cwmp.Grains.Campaigns;

/// <summary>The stored state of a campaign grain.</summary>
[GenerateSerializer, Alias("cwmp.CampaignState")]
internal sealed class CampaignState
{
    [Id(0)] public CampaignDefinition? Definition { get; set; }

    [Id(1)] public CampaignStatus Status { get; set; }

    [Id(2)] public string? PauseReason { get; set; }

    /// <summary>Matching devices per shard when the campaign started.</summary>
    [Id(3)] public List<long> ShardTargets { get; set; } = [];

    /// <summary>Cumulative device counts of the waves.</summary>
    [Id(4)] public List<long> Waves { get; set; } = [];

    [Id(5)] public int Wave { get; set; }

    /// <summary>The latest counts of each shard worker.</summary>
    [Id(6)] public List<CampaignCounts> ShardCounts { get; set; } = [];

    /// <summary>Succeeded and failed when the current wave began (its failure rate counts from here).</summary>
    [Id(7)] public long SucceededAtWaveStart { get; set; }

    [Id(8)] public long FailedAtWaveStart { get; set; }

    /// <summary>Each shard's quota for the current wave (monotone over waves).</summary>
    [Id(9)] public List<long> ShardQuotas { get; set; } = [];
}
