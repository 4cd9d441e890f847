namespace Cwmp.Grains;

/// <summary>The results of a complete diagnostic in typed form; one derived record per kind of result.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticSummary")]
public abstract record DiagnosticSummary;

/// <summary>IPPing and UDPEcho: counts and response times (IPPing's *Detailed microsecond values when the CPE has them).</summary>
[GenerateSerializer, Immutable, Alias("cwmp.PingSummary")]
public sealed record PingSummary(
    [property: Id(0)] uint SuccessCount,
    [property: Id(1)] uint FailureCount,
    [property: Id(2)] TimeSpan? AverageResponseTime,
    [property: Id(3)] TimeSpan? MinimumResponseTime,
    [property: Id(4)] TimeSpan? MaximumResponseTime) : DiagnosticSummary;

/// <summary>TraceRoute: the total response time and each hop, in order.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.TraceRouteSummary")]
public sealed record TraceRouteSummary(
    [property: Id(0)] TimeSpan? ResponseTime,
    [property: Id(1)] IReadOnlyList<TraceRouteHop> Hops) : DiagnosticSummary;

/// <summary>One hop of a trace route (RTTimes as the CPE lists them, milliseconds).</summary>
[GenerateSerializer, Immutable, Alias("cwmp.TraceRouteHop")]
public sealed record TraceRouteHop(
    [property: Id(0)] string? Host,
    [property: Id(1)] string? HostAddress,
    [property: Id(2)] uint? ErrorCode,
    [property: Id(3)] IReadOnlyList<uint> RoundTripTimesMilliseconds);

/// <summary>TR-143 Download/UploadDiagnostics: the timestamps, the test bytes and the throughput between BOM and EOM.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.TransferSummary")]
public sealed record TransferSummary(
    [property: Id(0)] DateTimeOffset? RomTime,
    [property: Id(1)] DateTimeOffset? BomTime,
    [property: Id(2)] DateTimeOffset? EomTime,
    [property: Id(3)] ulong? TestBytes,
    [property: Id(4)] ulong? TotalBytesReceived,
    [property: Id(5)] ulong? TotalBytesSent,
    [property: Id(6)] double? ThroughputBitsPerSecond) : DiagnosticSummary;

/// <summary>TR-143 ServerSelectionDiagnostics: the fastest host and its response times.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.ServerSelectionSummary")]
public sealed record ServerSelectionSummary(
    [property: Id(0)] string? FastestHost,
    [property: Id(1)] TimeSpan? MinimumResponseTime,
    [property: Id(2)] TimeSpan? AverageResponseTime,
    [property: Id(3)] TimeSpan? MaximumResponseTime) : DiagnosticSummary;
