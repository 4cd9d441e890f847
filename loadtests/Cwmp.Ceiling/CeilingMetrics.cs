using System.Diagnostics.Metrics;

namespace Cwmp.Ceiling;

/// <summary>The ceiling's own counters: Informs answered and requests refused (by reason).</summary>
internal sealed class CeilingMetrics
{
    public const string MeterName = "Cwmp.Ceiling";
    private readonly Counter<long> _informs;
    private readonly Counter<long> _rejected;

    public CeilingMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(MeterName);
        _informs = meter.CreateCounter<long>("cwmp.ceiling.informs", "{inform}", "Informs answered with the canned InformResponse.");
        _rejected = meter.CreateCounter<long>("cwmp.ceiling.rejected", "{request}", "Requests refused, by reason.");
    }

    public void Inform() => _informs.Add(1);

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
