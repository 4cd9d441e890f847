using System.Globalization;
using StackExchange.Redis;

namespace Cwmp.Grains.Index;

/// <summary>
/// The key layout of one shard. Every key carries the shard's hash tag <c>{s:N}</c>, so a shard lives in one Redis
/// Cluster slot and its MULTI/EXEC transactions stay on one node:
/// <list type="bullet">
/// <item><c>P:{s:N}:all</c> sorted set of every device key of the shard (score 0: ordered by key);</item>
/// <item><c>P:{s:N}:a:ATTR:VALUE</c> sorted set (score 0) of the devices with that attribute value (oui, pc, sw, hw, tag, sub);</item>
/// <item><c>P:{s:N}:li</c> sorted set, score = last-inform time in Unix seconds;</item>
/// <item><c>P:{s:N}:e:DEVICEKEY</c> hash of the device's entry.</item>
/// </list>
/// </summary>
internal sealed class DeviceIndexKeys(string prefix, int shard)
{
    private readonly string _base = string.Create(CultureInfo.InvariantCulture, $"{prefix}:{{s:{shard}}}:");

    public RedisKey All => _base + "all";

    public RedisKey LastInform => _base + "li";

    public RedisKey Entry(string deviceKey) => _base + "e:" + deviceKey;

    public RedisKey Attribute(string attribute, string value) => _base + "a:" + attribute + ":" + value;

    /// <summary>The attribute sets an entry belongs to.</summary>
    public HashSet<RedisKey> SetsOf(DeviceIndexEntry entry)
    {
        var sets = new HashSet<RedisKey>();
        Add(sets, "oui", entry.Oui);
        Add(sets, "pc", entry.ProductClass);
        Add(sets, "sw", entry.SoftwareVersion);
        Add(sets, "hw", entry.HardwareVersion);
        Add(sets, "sub", entry.SubscriberId);
        foreach (string tag in entry.Tags)
        {
            Add(sets, "tag", tag);
        }

        return sets;
    }

    /// <summary>The attribute sets a query intersects; empty when it filters on no attribute.</summary>
    public List<RedisKey> SetsOf(DeviceQuery query)
    {
        var sets = new List<RedisKey>();
        AddTo(sets, "oui", query.Oui);
        AddTo(sets, "pc", query.ProductClass);
        AddTo(sets, "sw", query.SoftwareVersion);
        AddTo(sets, "hw", query.HardwareVersion);
        AddTo(sets, "sub", query.SubscriberId);
        foreach (string tag in query.Tags.Distinct(StringComparer.Ordinal))
        {
            AddTo(sets, "tag", tag);
        }

        return sets;
    }

    private void Add(HashSet<RedisKey> sets, string attribute, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sets.Add(Attribute(attribute, value));
        }
    }

    private void AddTo(List<RedisKey> sets, string attribute, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sets.Add(Attribute(attribute, value));
        }
    }
}
