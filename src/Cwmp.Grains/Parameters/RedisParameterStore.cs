using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Grains;

/// <summary>
/// The parameter tree of each device in one Redis hash (<c>cwmp:params:{deviceKey}</c>), one field per parameter whose
/// value is the parameter's stored form. A write sends only the changed fields (HSET) and the removed ones (HDEL),
/// pipelined in one batch; the tree is read whole (HGETALL) only when the grain needs it. Works with Redis, Valkey
/// and Garnet.
/// </summary>
public sealed class RedisParameterStore : IParameterStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisParameterStoreOptions _options;

    public RedisParameterStore(IConnectionMultiplexer redis, IOptions<RedisParameterStoreOptions> options)
    {
        _redis = redis;
        _options = options.Value;
    }

    /// <summary>The hash key of a device.</summary>
    public string KeyOf(string deviceKey) => _options.KeyPrefix + deviceKey;

    public async Task<IReadOnlyList<CachedParameter>> LoadAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        HashEntry[] entries = await Database.HashGetAllAsync(KeyOf(deviceKey)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new List<CachedParameter>(entries.Length);
        foreach (HashEntry entry in entries)
        {
            parameters.Add(CachedParameterFormat.Deserialize(entry.Name!, entry.Value!));
        }

        return parameters;
    }

    public async Task WriteAsync(string deviceKey, ParameterChanges changes, CancellationToken cancellationToken = default)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        RedisKey key = KeyOf(deviceKey);
        IBatch batch = Database.CreateBatch();
        var pending = new List<Task>(3);
        if (changes.ClearFirst)
        {
            pending.Add(batch.KeyDeleteAsync(key));
        }

        if (changes.Upserts.Count > 0)
        {
            var fields = new HashEntry[changes.Upserts.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                CachedParameter parameter = changes.Upserts[i];
                fields[i] = new HashEntry(parameter.Name, CachedParameterFormat.Serialize(parameter));
            }

            pending.Add(batch.HashSetAsync(key, fields));
        }

        if (changes.Removals.Count > 0)
        {
            pending.Add(batch.HashDeleteAsync(key, [.. changes.Removals.Select(name => (RedisValue)name)]));
        }

        batch.Execute();
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default) =>
        Database.KeyDeleteAsync(KeyOf(deviceKey)).WaitAsync(cancellationToken);

    private IDatabase Database => _redis.GetDatabase(_options.Database);
}
