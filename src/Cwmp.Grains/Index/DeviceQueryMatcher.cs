namespace Cwmp.Grains.Index;

/// <summary>Whether one entry satisfies a query (the check applied to the candidates of the driving set).</summary>
internal static class DeviceQueryMatcher
{
    public static bool Matches(DeviceQuery query, DeviceIndexEntry entry, DateTimeOffset onlineSince)
    {
        if (!Same(query.Oui, entry.Oui) || !Same(query.ProductClass, entry.ProductClass)
            || !Same(query.SoftwareVersion, entry.SoftwareVersion) || !Same(query.HardwareVersion, entry.HardwareVersion)
            || !Same(query.SubscriberId, entry.SubscriberId))
        {
            return false;
        }

        foreach (string tag in query.Tags)
        {
            if (!entry.Tags.Contains(tag, StringComparer.Ordinal))
            {
                return false;
            }
        }

        DateTimeOffset? lastInform = entry.LastInformAt;
        if (query.LastInformFrom is { } from && !(lastInform >= from))
        {
            return false;
        }

        if (query.LastInformTo is { } to && !(lastInform < to))
        {
            return false;
        }

        if (query.Online is { } online && online != lastInform >= onlineSince)
        {
            return false;
        }

        return true;
    }

    /// <summary>True when the query filters on nothing but attribute sets (so that a set's cardinality is its count).</summary>
    public static bool HasTimeFilter(DeviceQuery query) => query.LastInformFrom is not null || query.LastInformTo is not null || query.Online is not null;

    private static bool Same(string? wanted, string? actual) => string.IsNullOrEmpty(wanted) || string.Equals(wanted, actual, StringComparison.Ordinal);
}
