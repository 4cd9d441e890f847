using System.Globalization;
using StackExchange.Redis;

namespace Cwmp.Grains.Index;

/// <summary>An index entry as the fields of its Redis hash (tags one per line: a tag holds no line break).</summary>
internal static class DeviceIndexEntryFormat
{
    public static HashEntry[] ToHash(DeviceIndexEntry entry)
    {
        var fields = new List<HashEntry>(11)
        {
            new("key", entry.DeviceKey),
            new("m", entry.Manufacturer),
            new("oui", entry.Oui),
            new("pc", entry.ProductClass),
            new("sn", entry.SerialNumber),
            new("root", entry.DataModelRoot),
        };
        AddOptional(fields, "sw", entry.SoftwareVersion);
        AddOptional(fields, "hw", entry.HardwareVersion);
        AddOptional(fields, "sub", entry.SubscriberId);
        if (entry.Tags.Count > 0)
        {
            fields.Add(new HashEntry("tags", string.Join('\n', entry.Tags)));
        }

        if (entry.LastInformAt is { } lastInform)
        {
            fields.Add(new HashEntry("li", lastInform.ToUnixTimeMilliseconds()));
        }

        return [.. fields];
    }

    public static DeviceIndexEntry? FromHash(HashEntry[] fields)
    {
        if (fields.Length == 0)
        {
            return null;
        }

        var map = new Dictionary<string, string>(fields.Length, StringComparer.Ordinal);
        foreach (HashEntry field in fields)
        {
            map[field.Name!] = field.Value!;
        }

        return new DeviceIndexEntry
        {
            DeviceKey = map.GetValueOrDefault("key") ?? string.Empty,
            Manufacturer = map.GetValueOrDefault("m") ?? string.Empty,
            Oui = map.GetValueOrDefault("oui") ?? string.Empty,
            ProductClass = map.GetValueOrDefault("pc") ?? string.Empty,
            SerialNumber = map.GetValueOrDefault("sn") ?? string.Empty,
            DataModelRoot = map.GetValueOrDefault("root") ?? "Device.",
            SoftwareVersion = map.GetValueOrDefault("sw"),
            HardwareVersion = map.GetValueOrDefault("hw"),
            SubscriberId = map.GetValueOrDefault("sub"),
            Tags = map.TryGetValue("tags", out string? tags) ? tags.Split('\n') : [],
            LastInformAt = map.TryGetValue("li", out string? li)
                ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(li, NumberStyles.Integer, CultureInfo.InvariantCulture))
                : null,
        };
    }

    private static void AddOptional(List<HashEntry> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(new HashEntry(name, value));
        }
    }
}
