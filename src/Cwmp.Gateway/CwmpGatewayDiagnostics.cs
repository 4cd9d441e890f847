namespace Cwmp.Gateway;

/// <summary>The names under which the gateway publishes its telemetry, for the host's OpenTelemetry setup.</summary>
public static class CwmpGatewayDiagnostics
{
    /// <summary>The meter: cwmp.gateway.requests, .parse_errors, .request.duration, .identity_mismatch, .admission_rejections, .sessions.admitted.</summary>
    public const string MeterName = "Cwmp.Gateway";

    /// <summary>The activity source: one span per POST, named by its RPC method.</summary>
    public const string ActivitySourceName = "Cwmp.Gateway";
}
