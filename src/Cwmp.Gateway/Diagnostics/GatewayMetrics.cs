using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cwmp.Gateway.Sessions;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Diagnostics;

/// <summary>The instruments of meter "Cwmp.Gateway".</summary>
internal sealed class GatewayMetrics
{
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _parseErrors;
    private readonly Counter<long> _identityMismatches;
    private readonly Counter<long> _admissionRejections;

    public GatewayMetrics(IMeterFactory meterFactory, SessionTable sessions)
    {
        Meter meter = meterFactory.Create(CwmpGatewayDiagnostics.MeterName);
        _requests = meter.CreateCounter<long>("cwmp.gateway.requests", "{request}", "CWMP POSTs by outcome.");
        _duration = meter.CreateHistogram(
            "cwmp.gateway.request.duration",
            "s",
            "Time to answer a CWMP POST, grain call included.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _parseErrors = meter.CreateCounter<long>("cwmp.gateway.parse_errors", "{error}", "Bodies that did not parse, by CwmpParseError.");
        _identityMismatches = meter.CreateCounter<long>("cwmp.gateway.identity_mismatch", "{request}", "POSTs for a device other than the authenticated one.");
        _admissionRejections = meter.CreateCounter<long>("cwmp.gateway.admission_rejections", "{session}", "Informs turned away because the gateway was full.");
        meter.CreateObservableGauge("cwmp.gateway.sessions.admitted", () => sessions.AdmittedSessions, "{session}", "Sessions this gateway admitted and that are still open.");
    }

    public void Request(RequestOutcome outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "outcome", outcome.Name() } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void ParseError(CwmpParseError error) => _parseErrors.Add(1, new KeyValuePair<string, object?>("error", error.ToString()));

    public void IdentityMismatch() => _identityMismatches.Add(1);

    public void AdmissionRejected() => _admissionRejections.Add(1);
}
