using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cwmp.Nbi.Diagnostics;

/// <summary>The instruments of meter "Cwmp.Nbi".</summary>
internal sealed class NbiMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _auditFailures;

    public NbiMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(NbiDiagnostics.MeterName);
        _requests = meter.CreateCounter<long>("cwmp.nbi.requests", "{request}", "NBI requests by route, method and status.");
        _errors = meter.CreateCounter<long>("cwmp.nbi.errors", "{request}", "NBI requests answered with a 4xx or 5xx problem, by route, method and status.");
        _duration = meter.CreateHistogram(
            "cwmp.nbi.request.duration",
            "s",
            "Time to answer an NBI request, a task's wait included.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        _auditFailures = meter.CreateCounter<long>("cwmp.nbi.audit.failures", "{entry}", "Audit entries that could not be written.");
    }

    public void Request(string route, string method, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "route", route }, { "method", method }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        if (status >= 400)
        {
            _errors.Add(1, tags);
        }
    }

    public void AuditFailed() => _auditFailures.Add(1);
}
