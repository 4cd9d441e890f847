namespace Cwmp.Grains.Index;

/// <summary>Settings of the device index (<c>Cwmp:Index</c>).</summary>
public sealed class DeviceIndexOptions
{
    /// <summary>The configuration section the server binds.</summary>
    public const string SectionName = "Cwmp:Index";

    /// <summary>
    /// How many shards the index has. Fixed for the life of a cluster: changing it moves devices between shards, and
    /// the index must be rebuilt (every device re-indexes on its next change). Each shard's keys share one Redis
    /// Cluster hash slot, so use at least as many shards as the cluster has primaries.
    /// </summary>
    public int ShardCount { get; set; } = 16;

    /// <summary>A device that informed within this window counts as online.</summary>
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The index's last-inform time lags the device's by at most this much: an unchanged Inform rewrites the entry only
    /// once this has passed since the indexed time, so that a periodic Inform costs no index write.
    /// </summary>
    public TimeSpan LastInformGranularity { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every key of the index starts with this (no braces: the shard's hash tag follows it).</summary>
    public string KeyPrefix { get; set; } = "cwmp:idx";

    /// <summary>The Redis database number; -1 is the connection's default.</summary>
    public int Database { get; set; } = -1;

    /// <summary>At most this many candidates are examined for one page; a selective query may return a short page.</summary>
    public int MaxScanPerPage { get; set; } = 5000;

    /// <summary>Checks the settings; throws with the offending key.</summary>
    public void Validate()
    {
        if (ShardCount is < 1 or > 16384)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardCount), ShardCount, $"{SectionName}:ShardCount must be 1–16384.");
        }

        if (LastInformGranularity <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LastInformGranularity), LastInformGranularity, $"{SectionName}:LastInformGranularity must be positive.");
        }

        if (OnlineWindow <= LastInformGranularity)
        {
            throw new ArgumentOutOfRangeException(nameof(OnlineWindow), OnlineWindow, $"{SectionName}:OnlineWindow must be longer than LastInformGranularity ({LastInformGranularity}).");
        }

        if (string.IsNullOrWhiteSpace(KeyPrefix) || KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException($"{SectionName}:KeyPrefix must be non-empty and hold no braces.", nameof(KeyPrefix));
        }

        if (MaxScanPerPage < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxScanPerPage), MaxScanPerPage, $"{SectionName}:MaxScanPerPage must be at least 100.");
        }
    }
}
