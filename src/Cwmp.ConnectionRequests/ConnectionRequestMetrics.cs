using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cwmp.ConnectionRequests;

/// <summary>The meter "Cwmp.ConnectionRequests": requests by outcome and transport, and how long they took.</summary>
internal sealed class ConnectionRequestMetrics
{
    public const string MeterName = ConnectionRequestDiagnostics.MeterName;
    public const string RequestsName = "cwmp.connection_requests";
    public const string DurationName = "cwmp.connection_request.duration";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public ConnectionRequestMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(RequestsName, "{request}", "Connection requests by outcome and transport.");
        _duration = meter.CreateHistogram<double>(DurationName, "s", "Duration of connection requests, throttled ones included.");
    }

    public void Record(ConnectionRequestResult result, string transport, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "outcome", OutcomeTag(result) },
            { "transport", transport },
        };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Stable tag values, independent of enum renames.</summary>
    public static string OutcomeTag(ConnectionRequestResult result) => result switch
    {
        ConnectionRequestResult.Accepted => "accepted",
        ConnectionRequestResult.SessionOpen => "session_open",
        ConnectionRequestResult.Throttled => "throttled",
        ConnectionRequestResult.Unauthorized => "unauthorized",
        ConnectionRequestResult.Unreachable => "unreachable",
        ConnectionRequestResult.NoUsableUrl => "no_usable_url",
        ConnectionRequestResult.UdpSent => "udp_sent",
        _ => "unknown",
    };
}
