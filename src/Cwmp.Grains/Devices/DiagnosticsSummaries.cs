using System.Globalization;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Reads the typed summary out of a diagnostic's results (full name → value). Units follow the data models:
/// IPPing and TraceRoute times are milliseconds (IPPing's *Detailed values microseconds), UDPEcho and
/// ServerSelection times microseconds; TR-143 transfer times are dateTimes.
/// </summary>
internal static class DiagnosticsSummaries
{
    public static DiagnosticSummary? Summarize(DiagnosticKind kind, string objectPath, IReadOnlyDictionary<string, string> results)
    {
        string? Value(string name) => results.TryGetValue(objectPath + name, out string? value) ? value : null;
        uint? UInt(string name) => uint.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out uint v) ? v : null;
        ulong? ULong(string name) => ulong.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : null;
        TimeSpan? Millis(string name) => UInt(name) is { } v ? TimeSpan.FromMilliseconds(v) : null;
        TimeSpan? Micros(string name) => UInt(name) is { } v ? TimeSpan.FromMicroseconds(v) : null;

        switch (kind)
        {
            case DiagnosticKind.IPPing:
                return new PingSummary(
                    UInt("SuccessCount") ?? 0,
                    UInt("FailureCount") ?? 0,
                    Micros("AverageResponseTimeDetailed") ?? Millis("AverageResponseTime"),
                    Micros("MinimumResponseTimeDetailed") ?? Millis("MinimumResponseTime") ?? Millis("MinimumResponseTmie"),
                    Micros("MaximumResponseTimeDetailed") ?? Millis("MaximumResponseTime"));
            case DiagnosticKind.UDPEcho:
                return new PingSummary(
                    UInt("SuccessCount") ?? 0,
                    UInt("FailureCount") ?? 0,
                    Micros("AverageResponseTime"),
                    Micros("MinimumResponseTime"),
                    Micros("MaximumResponseTime"));
            case DiagnosticKind.TraceRoute:
                return new TraceRouteSummary(Millis("ResponseTime"), Hops(objectPath, results));
            case DiagnosticKind.DownloadDiagnostics or DiagnosticKind.UploadDiagnostics:
                DateTimeOffset? rom = Time(Value("ROMTime"));
                DateTimeOffset? bom = Time(Value("BOMTime"));
                DateTimeOffset? eom = Time(Value("EOMTime"));
                ulong? testBytes = kind == DiagnosticKind.DownloadDiagnostics
                    ? ULong("TestBytesReceived")
                    : ULong("TestBytesSent") ?? ULong("TotalBytesSent");
                double? throughput = bom is { } b && eom is { } e && e > b && testBytes is { } bytes
                    ? bytes * 8d / (e - b).TotalSeconds
                    : null;
                return new TransferSummary(rom, bom, eom, testBytes, ULong("TotalBytesReceived"), ULong("TotalBytesSent"), throughput);
            case DiagnosticKind.ServerSelection:
                return new ServerSelectionSummary(
                    Value("FastestHost") is { Length: > 0 } fastest ? fastest : null,
                    Micros("MinimumResponseTime"),
                    Micros("AverageResponseTime"),
                    Micros("MaximumResponseTime"));
            default:
                return null;
        }
    }

    /// <summary>RouteHops.{i}. in instance order; TR-098 prefixes the hop parameters with "Hop".</summary>
    private static List<TraceRouteHop> Hops(string objectPath, IReadOnlyDictionary<string, string> results)
    {
        string prefix = objectPath + "RouteHops.";
        var instances = new SortedDictionary<int, Dictionary<string, string>>();
        foreach ((string name, string value) in results)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = name[prefix.Length..];
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !int.TryParse(rest.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int instance))
            {
                continue;
            }

            string field = rest[(dot + 1)..];
            if (field.StartsWith("Hop", StringComparison.Ordinal))
            {
                field = field[3..];
            }

            if (!instances.TryGetValue(instance, out Dictionary<string, string>? fields))
            {
                instances[instance] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            fields[field] = value;
        }

        return [.. instances.Values.Select(f => new TraceRouteHop(
            f.GetValueOrDefault("Host"),
            f.GetValueOrDefault("HostAddress"),
            uint.TryParse(f.GetValueOrDefault("ErrorCode"), NumberStyles.None, CultureInfo.InvariantCulture, out uint code) ? code : null,
            [.. (f.GetValueOrDefault("RTTimes") ?? string.Empty)
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out uint ms) ? (uint?)ms : null)
                .OfType<uint>()]))];
    }

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at)
        && at.Year > 1
            ? at
            : null;
}
