using System.Collections.Concurrent;
using System.Globalization;
using Cwmp.Grains.Index;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>
/// The device index for these tests: entries the test puts in, filtered as <see cref="DeviceQuery"/> says, in device-key
/// order, the cursor being the last key of the previous page. One shard. The production index (Redis) is issue 7's.
/// </summary>
internal sealed class InMemoryDeviceIndex : IDeviceIndex
{
    private readonly ConcurrentDictionary<string, DeviceIndexEntry> _entries = new(StringComparer.Ordinal);

    public int ShardCount => 1;

    /// <summary>The queries served, so that a test can check what the NBI asked for.</summary>
    public ConcurrentQueue<(DeviceQuery Query, string? Cursor, int Limit)> Queries { get; } = new();

    public int ShardOf(string deviceKey) => 0;

    public Task UpsertAsync(DeviceIndexEntry entry, CancellationToken cancellationToken = default)
    {
        _entries[entry.DeviceKey] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(deviceKey, out _);
        return Task.CompletedTask;
    }

    public Task<DeviceIndexEntry?> GetAsync(string deviceKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.GetValueOrDefault(deviceKey));

    public Task<DeviceQueryPage> QueryAsync(DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        Queries.Enqueue((query, cursor, limit));
        if (cursor is not null && !cursor.StartsWith("k:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{cursor}' is not a cursor of this index.", nameof(cursor));
        }

        string? after = cursor?[2..];
        DeviceIndexEntry[] matching =
        [
            .. _entries.Values
                .Where(e => Matches(e, query) && (after is null || string.CompareOrdinal(e.DeviceKey, after) > 0))
                .OrderBy(e => e.DeviceKey, StringComparer.Ordinal)
                .Take(limit + 1),
        ];
        DeviceIndexEntry[] page = [.. matching.Take(limit)];
        string? next = matching.Length > limit ? "k:" + page[^1].DeviceKey : null;
        return Task.FromResult(new DeviceQueryPage(page, next));
    }

    public Task<DeviceQueryPage> QueryShardAsync(int shard, DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default) =>
        shard == 0 ? QueryAsync(query, cursor, limit, cancellationToken) : throw new ArgumentOutOfRangeException(nameof(shard), shard.ToString(CultureInfo.InvariantCulture));

    public Task<long> CountShardAsync(int shard, DeviceQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_entries.Values.Count(e => Matches(e, query)));

    private static bool Matches(DeviceIndexEntry e, DeviceQuery q) =>
        Equal(q.Oui, e.Oui)
        && Equal(q.ProductClass, e.ProductClass)
        && Equal(q.SoftwareVersion, e.SoftwareVersion)
        && Equal(q.HardwareVersion, e.HardwareVersion)
        && Equal(q.SubscriberId, e.SubscriberId)
        && q.Tags.All(t => e.Tags.Contains(t, StringComparer.Ordinal))
        && (q.LastInformFrom is null || e.LastInformAt >= q.LastInformFrom)
        && (q.LastInformTo is null || e.LastInformAt < q.LastInformTo)
        && (q.DeviceKeys.Count == 0 || q.DeviceKeys.Contains(e.DeviceKey, StringComparer.Ordinal));

    private static bool Equal(string? filter, string? value) => string.IsNullOrEmpty(filter) || string.Equals(filter, value, StringComparison.Ordinal);
}
