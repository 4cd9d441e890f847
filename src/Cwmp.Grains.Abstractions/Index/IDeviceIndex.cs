namespace Cwmp.Grains.Index;

/// <summary>
/// Finds devices by their attributes without activating their grains (issue 7). Sharded by a stable hash of the
/// device key; the shards are independent, so a campaign's shard workers each walk one. Registered as a singleton
/// service on silos and on gateway/NBI processes alike (it talks to the cluster's Redis, or the embedded Garnet).
/// </summary>
public interface IDeviceIndex
{
    /// <summary>How many shards the index has (configuration; fixed for the life of a cluster).</summary>
    int ShardCount { get; }

    /// <summary>The shard a device belongs to.</summary>
    int ShardOf(string deviceKey);

    /// <summary>Writes one device's entry, replacing the previous one and moving it between attribute sets.</summary>
    Task UpsertAsync(DeviceIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a device (forgotten).</summary>
    Task RemoveAsync(string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>One device's entry, or null.</summary>
    Task<DeviceIndexEntry?> GetAsync(string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>A page of the devices of the whole index matching <paramref name="query"/>, in a stable order.</summary>
    /// <param name="cursor">Null for the first page, else the previous page's <see cref="DeviceQueryPage.NextCursor"/>.</param>
    /// <param name="limit">At most this many devices (1–1000).</param>
    Task<DeviceQueryPage> QueryAsync(DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default);

    /// <summary>The same, within one shard only.</summary>
    Task<DeviceQueryPage> QueryShardAsync(int shard, DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many devices of one shard match (exact for attribute filters).</summary>
    Task<long> CountShardAsync(int shard, DeviceQuery query, CancellationToken cancellationToken = default);
}
