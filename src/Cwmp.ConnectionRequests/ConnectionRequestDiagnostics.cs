namespace Cwmp.ConnectionRequests;

/// <summary>The telemetry names a host subscribes to.</summary>
public static class ConnectionRequestDiagnostics
{
    /// <summary>The meter of the connection-request counters and durations.</summary>
    public const string MeterName = "Cwmp.ConnectionRequests";
}
