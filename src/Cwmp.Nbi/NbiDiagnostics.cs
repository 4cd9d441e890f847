namespace Cwmp.Nbi;

/// <summary>The names under which the NBI publishes its telemetry, for the host's OpenTelemetry setup.</summary>
public static class NbiDiagnostics
{
    /// <summary>The meter: cwmp.nbi.requests, cwmp.nbi.errors, cwmp.nbi.request.duration, cwmp.nbi.audit.failures.</summary>
    public const string MeterName = "Cwmp.Nbi";
}
