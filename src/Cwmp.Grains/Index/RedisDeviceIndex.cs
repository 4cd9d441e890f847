using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Grains.Index;

/// <summary>
/// The device index in Redis (or Garnet, Valkey), sharded by a stable hash of the device key (see
/// <see cref="DeviceIndexKeys"/> for the layout). Writes are one read of the old entry and one MULTI/EXEC on the
/// shard's keys (one hash slot). A query drives from the smallest of its attribute sets (or the shard's set of all
/// devices), walks it in key order with ZRANGEBYLEX after the cursor, reads the candidates' entries pipelined and
/// checks every filter on them. Only single-key commands that Garnet 2.2 serves (ZADD, ZREM, ZCARD, ZCOUNT,
/// ZRANGEBYLEX, HGETALL, HSET, DEL, MULTI/EXEC): no Lua, no streams, no cross-slot commands.
/// </summary>
public sealed class RedisDeviceIndex : IDeviceIndex
{
    private const int MaxLimit = 1000;

    private readonly IConnectionMultiplexer _redis;
    private readonly DeviceIndexOptions _options;
    private readonly TimeProvider _time;
    private readonly DeviceIndexKeys[] _shards;

    public RedisDeviceIndex(IConnectionMultiplexer redis, IOptions<DeviceIndexOptions> options, TimeProvider time)
    {
        _redis = redis;
        _options = options.Value;
        _options.Validate();
        _time = time;
        _shards = [.. Enumerable.Range(0, _options.ShardCount).Select(s => new DeviceIndexKeys(_options.KeyPrefix, s))];
    }

    public int ShardCount => _shards.Length;

    private IDatabase Database => _redis.GetDatabase(_options.Database);

    /// <summary>FNV-1a over the key's UTF-8 bytes: stable across processes and .NET versions (string.GetHashCode is not).</summary>
    public int ShardOf(string deviceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceKey);
        uint hash = 2166136261;
        Span<byte> buffer = deviceKey.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(deviceKey.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(deviceKey.Length)];
        int length = Encoding.UTF8.GetBytes(deviceKey, buffer);
        foreach (byte b in buffer[..length])
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % (uint)_shards.Length);
    }

    public async Task UpsertAsync(DeviceIndexEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.DeviceKey);
        DeviceIndexKeys keys = _shards[ShardOf(entry.DeviceKey)];
        RedisKey entryKey = keys.Entry(entry.DeviceKey);
        IDatabase db = Database;
        DeviceIndexEntry? old = DeviceIndexEntryFormat.FromHash(await db.HashGetAllAsync(entryKey).WaitAsync(cancellationToken).ConfigureAwait(false));
        HashSet<RedisKey> before = old is null ? [] : keys.SetsOf(old);
        HashSet<RedisKey> after = keys.SetsOf(entry);

        ITransaction transaction = db.CreateTransaction();
        var pending = new List<Task>();
        foreach (RedisKey set in before.Where(s => !after.Contains(s)))
        {
            pending.Add(transaction.SortedSetRemoveAsync(set, entry.DeviceKey));
        }

        foreach (RedisKey set in after.Where(s => !before.Contains(s)))
        {
            pending.Add(transaction.SortedSetAddAsync(set, entry.DeviceKey, 0));
        }

        pending.Add(transaction.SortedSetAddAsync(keys.All, entry.DeviceKey, 0));
        pending.Add(entry.LastInformAt is { } lastInform
            ? transaction.SortedSetAddAsync(keys.LastInform, entry.DeviceKey, lastInform.ToUnixTimeSeconds())
            : transaction.SortedSetRemoveAsync(keys.LastInform, entry.DeviceKey));
        pending.Add(transaction.KeyDeleteAsync(entryKey));
        pending.Add(transaction.HashSetAsync(entryKey, DeviceIndexEntryFormat.ToHash(entry)));
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        DeviceIndexKeys keys = _shards[ShardOf(deviceKey)];
        RedisKey entryKey = keys.Entry(deviceKey);
        IDatabase db = Database;
        DeviceIndexEntry? old = DeviceIndexEntryFormat.FromHash(await db.HashGetAllAsync(entryKey).WaitAsync(cancellationToken).ConfigureAwait(false));
        ITransaction transaction = db.CreateTransaction();
        var pending = new List<Task>();
        foreach (RedisKey set in old is null ? [] : keys.SetsOf(old))
        {
            pending.Add(transaction.SortedSetRemoveAsync(set, deviceKey));
        }

        pending.Add(transaction.SortedSetRemoveAsync(keys.All, deviceKey));
        pending.Add(transaction.SortedSetRemoveAsync(keys.LastInform, deviceKey));
        pending.Add(transaction.KeyDeleteAsync(entryKey));
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    public async Task<DeviceIndexEntry?> GetAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        DeviceIndexKeys keys = _shards[ShardOf(deviceKey)];
        return DeviceIndexEntryFormat.FromHash(await Database.HashGetAllAsync(keys.Entry(deviceKey)).WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<DeviceQueryPage> QueryAsync(DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckLimit(limit);
        DeviceIndexCursor position = cursor is null ? new DeviceIndexCursor(0, string.Empty) : DeviceIndexCursor.Decode(cursor, ShardCount);
        var devices = new List<DeviceIndexEntry>(limit);
        int budget = _options.MaxScanPerPage;
        for (int shard = position.Shard; shard < ShardCount; shard++)
        {
            string after = shard == position.Shard ? position.After : string.Empty;
            ShardScan scan = await ScanShardAsync(shard, query, after, limit - devices.Count, budget, cancellationToken).ConfigureAwait(false);
            devices.AddRange(scan.Devices);
            budget -= scan.Examined;
            if (scan.ResumeAfter is { } resume)
            {
                return new DeviceQueryPage(devices, new DeviceIndexCursor(shard, resume).Encode());
            }

            if ((devices.Count == limit || budget <= 0) && shard + 1 < ShardCount)
            {
                return new DeviceQueryPage(devices, new DeviceIndexCursor(shard + 1, string.Empty).Encode());
            }
        }

        return new DeviceQueryPage(devices, null);
    }

    public async Task<DeviceQueryPage> QueryShardAsync(int shard, DeviceQuery query, string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckShard(shard);
        CheckLimit(limit);
        string after = string.Empty;
        if (cursor is not null)
        {
            DeviceIndexCursor position = DeviceIndexCursor.Decode(cursor, ShardCount);
            if (position.Shard != shard)
            {
                throw new ArgumentException($"The cursor belongs to shard {position.Shard}, not {shard}.", nameof(cursor));
            }

            after = position.After;
        }

        ShardScan scan = await ScanShardAsync(shard, query, after, limit, _options.MaxScanPerPage, cancellationToken).ConfigureAwait(false);
        return new DeviceQueryPage(scan.Devices, scan.ResumeAfter is { } resume ? new DeviceIndexCursor(shard, resume).Encode() : null);
    }

    public async Task<long> CountShardAsync(int shard, DeviceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckShard(shard);
        DeviceIndexKeys keys = _shards[shard];
        List<RedisKey> sets = keys.SetsOf(query);
        bool timeFilter = DeviceQueryMatcher.HasTimeFilter(query);
        if (query.DeviceKeys.Count == 0 && !timeFilter && sets.Count <= 1)
        {
            return await Database.SortedSetLengthAsync(sets.Count == 0 ? keys.All : sets[0]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        long count = 0;
        string after = string.Empty;
        while (true)
        {
            ShardScan scan = await ScanShardAsync(shard, query, after, MaxLimit, _options.MaxScanPerPage, cancellationToken).ConfigureAwait(false);
            count += scan.Devices.Count;
            if (scan.ResumeAfter is not { } resume)
            {
                return count;
            }

            after = resume;
        }
    }

    /// <summary>
    /// Walks one shard after <paramref name="after"/> in key order, examining at most <paramref name="budget"/>
    /// candidates. <see cref="ShardScan.ResumeAfter"/> is null when the shard has no more candidates.
    /// </summary>
    private async Task<ShardScan> ScanShardAsync(int shard, DeviceQuery query, string after, int limit, int budget, CancellationToken cancellationToken)
    {
        DeviceIndexKeys keys = _shards[shard];
        IDatabase db = Database;
        DateTimeOffset onlineSince = _time.GetUtcNow() - _options.OnlineWindow;
        var devices = new List<DeviceIndexEntry>(Math.Min(limit, 64));
        int examined = 0;
        Func<string, int, Task<string[]>> next;
        if (query.DeviceKeys.Count > 0)
        {
            // An explicit list drives itself: its keys of this shard, in the same order as a set would give them.
            string[] listed = [.. query.DeviceKeys.Where(k => !string.IsNullOrEmpty(k) && ShardOf(k) == shard).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            next = (from, count) => Task.FromResult(listed.Where(k => string.CompareOrdinal(k, from) > 0).Take(count).ToArray());
        }
        else
        {
            RedisKey? found = await SmallestSetAsync(db, keys, query, cancellationToken).ConfigureAwait(false);
            if (found is not { } driver)
            {
                return new ShardScan(devices, examined, null);
            }

            next = async (from, count) =>
            {
                RedisValue[] members = await db.SortedSetRangeByValueAsync(driver, from.Length == 0 ? default : from, default, Exclude.Start, Order.Ascending, 0, count)
                    .WaitAsync(cancellationToken).ConfigureAwait(false);
                return [.. members.Select(m => (string)m!)];
            };
        }

        string position = after;
        while (true)
        {
            int batchSize = Math.Clamp(Math.Max(limit - devices.Count, 1) * 2, 32, Math.Min(MaxLimit, budget - examined));
            string[] candidates = await next(position, batchSize).ConfigureAwait(false);
            if (candidates.Length == 0)
            {
                return new ShardScan(devices, examined, null);
            }

            IBatch batch = db.CreateBatch();
            Task<HashEntry[]>[] reads = [.. candidates.Select(c => batch.HashGetAllAsync(keys.Entry(c)))];
            batch.Execute();
            HashEntry[][] entries = await Task.WhenAll(reads).WaitAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < candidates.Length; i++)
            {
                examined++;
                position = candidates[i];
                if (DeviceIndexEntryFormat.FromHash(entries[i]) is { } entry && DeviceQueryMatcher.Matches(query, entry, onlineSince))
                {
                    devices.Add(entry);
                    if (devices.Count == limit)
                    {
                        bool more = i + 1 < candidates.Length || (await next(position, 1).ConfigureAwait(false)).Length > 0;
                        return new ShardScan(devices, examined, more ? position : null);
                    }
                }
            }

            if (candidates.Length < batchSize)
            {
                return new ShardScan(devices, examined, null);
            }

            if (examined >= budget)
            {
                return new ShardScan(devices, examined, position);
            }
        }
    }

    /// <summary>The query's attribute set with the fewest members (all devices when it names none); null when one is empty.</summary>
    private static async Task<RedisKey?> SmallestSetAsync(IDatabase db, DeviceIndexKeys keys, DeviceQuery query, CancellationToken cancellationToken)
    {
        List<RedisKey> sets = keys.SetsOf(query);
        if (sets.Count == 0)
        {
            return keys.All;
        }

        IBatch batch = db.CreateBatch();
        Task<long>[] lengths = [.. sets.Select(s => batch.SortedSetLengthAsync(s))];
        batch.Execute();
        long[] counts = await Task.WhenAll(lengths).WaitAsync(cancellationToken).ConfigureAwait(false);
        int smallest = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] < counts[smallest])
            {
                smallest = i;
            }
        }

        return counts[smallest] == 0 ? null : (RedisKey?)sets[smallest];
    }

    private void CheckShard(int shard)
    {
        if ((uint)shard >= (uint)ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"The index has shards 0–{ShardCount - 1}.");
        }
    }

    private static void CheckLimit(int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1–{MaxLimit} devices.");
        }
    }

    private sealed record ShardScan(List<DeviceIndexEntry> Devices, int Examined, string? ResumeAfter);
}
