using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Cwmp.Grains.Presets;

namespace Cwmp.Grains.Provisioning;

/// <summary>Whether a preset applies to a device (criteria) on an Inform (triggers).</summary>
internal static class PresetMatcher
{
    private const int MaxCachedPatterns = 1024;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static bool IsTriggered(PresetTriggers triggers, IReadOnlyCollection<string> events, DateTimeOffset now)
    {
        if (triggers.Window is { } window && !window.Contains(now))
        {
            return false;
        }

        return triggers.Events.Count == 0
            || triggers.Events.Any(e => e == PresetTriggers.AnyEvent || events.Contains(e, StringComparer.Ordinal));
    }

    public static bool Matches(PresetCriteria criteria, DeviceFacts device) =>
        Same(criteria.Oui, device.Oui)
        && Same(criteria.Manufacturer, device.Manufacturer)
        && Same(criteria.ProductClass, device.ProductClass)
        && Matches(criteria.SoftwareVersion, device.SoftwareVersion)
        && Matches(criteria.HardwareVersion, device.HardwareVersion)
        && criteria.Tags.All(t => device.Tags.Contains(t, StringComparer.Ordinal))
        && !criteria.ExcludedTags.Any(t => device.Tags.Contains(t, StringComparer.Ordinal))
        && SubscriberMatches(criteria.SubscriberId, device.SubscriberId)
        && criteria.Parameters.All(p => Holds(p, device.ValueOf(p.Path)));

    public static bool Matches(VersionMatch? match, string? version)
    {
        if (match is null)
        {
            return true;
        }

        if (version is null)
        {
            return false;
        }

        return (match.Exact is null || string.Equals(match.Exact, version, StringComparison.Ordinal))
            && (match.Min is null || VersionOrder.Compare(version, match.Min) >= 0)
            && (match.Max is null || VersionOrder.Compare(version, match.Max) <= 0)
            && (match.Pattern is null || IsMatch(match.Pattern, version));
    }

    public static bool Holds(ParameterPredicate predicate, string? value) => predicate.Operator switch
    {
        PredicateOperator.Equals => value is not null && SameValue(predicate.Value ?? string.Empty, value),
        PredicateOperator.NotEquals => value is null || !SameValue(predicate.Value ?? string.Empty, value),
        PredicateOperator.Matches => value is not null && IsMatch(predicate.Value ?? string.Empty, value),
        PredicateOperator.Exists => value is not null,
        _ => false,
    };

    /// <summary>Equal as CWMP values: booleans "1"/"true" and "0"/"false" alike, everything else ordinal.</summary>
    public static bool SameValue(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (AsBoolean(a) is { } x && AsBoolean(b) is { } y && x == y);

    /// <summary>The pattern is a valid .NET regular expression (the NBI checks before storing).</summary>
    public static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = Compile(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool? AsBoolean(string value) => value switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => null,
    };

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);

    private static bool SubscriberMatches(string? wanted, string? actual) =>
        wanted is null || (actual is not null && (wanted == "*" || string.Equals(wanted, actual, StringComparison.Ordinal)));

    private static bool IsMatch(string pattern, string value)
    {
        try
        {
            return Compile(pattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Regex Compile(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out Regex? regex))
        {
            return regex;
        }

        if (Patterns.Count >= MaxCachedPatterns)
        {
            Patterns.Clear();
        }

        regex = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, MatchTimeout);
        Patterns[pattern] = regex;
        return regex;
    }
}
