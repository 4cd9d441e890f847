using Cwmp.Grains;
using Cwmp.Nbi.Tasks;

namespace Cwmp.Nbi.DeviceDiagnostics;

/// <summary>
/// A diagnostic as the NBI shows it. The summary is the typed result of its kind (ping counts and times, trace route
/// hops, throughput, fastest server), serialized by its own type; times in it are milliseconds.
/// </summary>
internal sealed record DiagnosticJson(
    string Id,
    string Location,
    string Kind,
    string ObjectPath,
    DiagnosticStatus Status,
    string? DiagnosticsState,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt,
    string RequestTaskId,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyDictionary<string, string> Results,
    object? Summary,
    FaultJson? Fault,
    string? Requester,
    string? Reason)
{
    public static DiagnosticJson From(string deviceKey, DiagnosticRecord record) => new(
        record.Id,
        PathOf(deviceKey, record.Id),
        record.Kind.ToString(),
        record.ObjectPath,
        record.Status,
        record.DiagnosticsState,
        record.RequestedAt,
        record.FinishedAt,
        record.RequestTaskId,
        record.Arguments,
        record.Results,
        SummaryOf(record.Summary),
        record.Fault is null ? null : FaultJson.From(record.Fault),
        record.Requester,
        record.Reason);

    public static string PathOf(string deviceKey, string id) =>
        $"/api/v1/devices/{Uri.EscapeDataString(deviceKey)}/diagnostics/{Uri.EscapeDataString(id)}";

    private static object? SummaryOf(DiagnosticSummary? summary) => summary switch
    {
        PingSummary p => new
        {
            p.SuccessCount,
            p.FailureCount,
            AverageResponseTimeMs = Milliseconds(p.AverageResponseTime),
            MinimumResponseTimeMs = Milliseconds(p.MinimumResponseTime),
            MaximumResponseTimeMs = Milliseconds(p.MaximumResponseTime),
        },
        TraceRouteSummary t => new
        {
            ResponseTimeMs = Milliseconds(t.ResponseTime),
            Hops = t.Hops.Select(h => new { h.Host, h.HostAddress, h.ErrorCode, RoundTripTimesMs = h.RoundTripTimesMilliseconds }).ToArray(),
        },
        TransferSummary t => new { t.RomTime, t.BomTime, t.EomTime, t.TestBytes, t.TotalBytesReceived, t.TotalBytesSent, t.ThroughputBitsPerSecond },
        ServerSelectionSummary s => new
        {
            s.FastestHost,
            MinimumResponseTimeMs = Milliseconds(s.MinimumResponseTime),
            AverageResponseTimeMs = Milliseconds(s.AverageResponseTime),
            MaximumResponseTimeMs = Milliseconds(s.MaximumResponseTime),
        },
        _ => null,
    };

    private static double? Milliseconds(TimeSpan? time) => time?.TotalMilliseconds;
}

/// <summary>What a diagnostic request answers: the record (with its results when the wait saw them) and the connection request's outcome.</summary>
internal sealed record DiagnosticSubmissionJson(DiagnosticJson Diagnostic, string? ConnectionRequest);

internal sealed record DiagnosticListJson(string DeviceKey, IReadOnlyList<DiagnosticJson> Diagnostics);
