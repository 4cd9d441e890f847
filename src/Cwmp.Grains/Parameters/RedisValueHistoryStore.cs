using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Grains;

/// <summary>
/// Value-change history in Redis: one list per device and parameter, <c>cwmp:history:{deviceKey}:{name}</c>, newest
/// first (LPUSH + LTRIM), each entry "{unix ms}|{xsi type}|{value}", and a set <c>cwmp:history:{deviceKey}</c> of the
/// parameter names, so that forgetting a device finds its lists. Device keys have no ':' (they are percent-encoded),
/// so the keys cannot collide. One pipelined batch per append.
/// </summary>
public sealed class RedisValueHistoryStore : IValueHistoryStore
{
    public const string KeyPrefix = "cwmp:history:";

    private readonly IConnectionMultiplexer _redis;
    private readonly int _database;

    public RedisValueHistoryStore(IConnectionMultiplexer redis, IOptions<RedisParameterStoreOptions> options)
    {
        _redis = redis;
        _database = options.Value.Database;
    }

    public static string ListKeyOf(string deviceKey, string parameterName) => KeyPrefix + deviceKey + ":" + parameterName;

    public static string NamesKeyOf(string deviceKey) => KeyPrefix + deviceKey;

    public async Task AppendAsync(string deviceKey, IReadOnlyList<ValueChangeEntry> changes, int maxPerParameter, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return;
        }

        IBatch batch = Database.CreateBatch();
        var pending = new List<Task>((changes.Count * 2) + 1);
        foreach (ValueChangeEntry entry in changes)
        {
            RedisKey key = ListKeyOf(deviceKey, entry.Name);
            pending.Add(batch.ListLeftPushAsync(key, Format(entry.Change)));
            pending.Add(batch.ListTrimAsync(key, 0, maxPerParameter - 1));
        }

        pending.Add(batch.SetAddAsync(NamesKeyOf(deviceKey), [.. changes.Select(c => (RedisValue)c.Name).Distinct()]));
        batch.Execute();
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ParameterValueChange>> ReadAsync(string deviceKey, string parameterName, CancellationToken cancellationToken = default)
    {
        RedisValue[] entries = await Database.ListRangeAsync(ListKeyOf(deviceKey, parameterName)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => Parse(e!))];
    }

    public async Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        RedisKey names = NamesKeyOf(deviceKey);
        RedisValue[] members = await Database.SetMembersAsync(names).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Database.KeyDeleteAsync([names, .. members.Select(m => (RedisKey)ListKeyOf(deviceKey, m!))]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static string Format(ParameterValueChange change) =>
        string.Create(CultureInfo.InvariantCulture, $"{change.At.ToUnixTimeMilliseconds()}|{change.Type}|{change.Value}");

    internal static ParameterValueChange Parse(string entry)
    {
        int first = entry.IndexOf('|', StringComparison.Ordinal);
        int second = entry.IndexOf('|', first + 1);
        return new ParameterValueChange(
            entry[(second + 1)..],
            entry[(first + 1)..second],
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(entry.AsSpan(0, first), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));
    }

    private IDatabase Database => _redis.GetDatabase(_database);
}
