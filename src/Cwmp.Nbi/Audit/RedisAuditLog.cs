using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Nbi.Audit;

/// <summary>
/// The audit log in Redis (or Valkey, or Garnet, which has no streams): one sorted set for all entries and one per
/// device, each scored by the entry's time in Unix milliseconds and capped by rank, so that a "since" query is one
/// ZRANGEBYSCORE and the oldest entries go first. One append is four pipelined commands.
/// </summary>
internal sealed class RedisAuditLog(IConnectionMultiplexer redis, IOptions<NbiOptions> options) : IAuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private NbiAuditOptions Settings => options.Value.Audit;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        IDatabase db = redis.GetDatabase();
        RedisValue member = JsonSerializer.Serialize(entry, Json);
        double score = entry.At.ToUnixTimeMilliseconds();
        List<Task> writes =
        [
            db.SortedSetAddAsync(AllKey, member, score),
            db.SortedSetRemoveRangeByRankAsync(AllKey, 0, -(Settings.MaxEntries + 1L)),
        ];
        if (entry.DeviceKey is { } device)
        {
            writes.Add(db.SortedSetAddAsync(DeviceKeyOf(device), member, score));
            writes.Add(db.SortedSetRemoveRangeByRankAsync(DeviceKeyOf(device), 0, -(Settings.MaxEntriesPerDevice + 1L)));
        }

        await Task.WhenAll(writes).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        IDatabase db = redis.GetDatabase();
        RedisKey key = query.DeviceKey is null ? AllKey : DeviceKeyOf(query.DeviceKey);
        double since = query.Since?.ToUnixTimeMilliseconds() ?? double.NegativeInfinity;
        RedisValue[] members = await db.SortedSetRangeByScoreAsync(key, since, double.PositiveInfinity, Exclude.None, Order.Descending, 0, query.Limit)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. members.Select(m => JsonSerializer.Deserialize<AuditEntry>(m.ToString(), Json)!)];
    }

    private RedisKey AllKey => Settings.KeyPrefix;

    private RedisKey DeviceKeyOf(string deviceKey) => $"{Settings.KeyPrefix}:device:{deviceKey}";
}
