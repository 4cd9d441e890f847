using System.Diagnostics.Metrics;

namespace Cwmp.Grains.Provisioning;

/// <summary>The provisioning instruments, on the grains' meter ("Cwmp.Grains").</summary>
internal sealed class ProvisioningMetrics
{
    private readonly Counter<long> _passes;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _associations;

    public ProvisioningMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(CwmpGrainsTelemetry.MeterName);
        _passes = meter.CreateCounter<long>(CwmpGrainsTelemetry.ProvisioningPasses, "{pass}", "Provisioning passes, by outcome (queued, converged, unchanged, failed).");
        _refused = meter.CreateCounter<long>(CwmpGrainsTelemetry.ProvisioningRefused, "{setting}", "Desired settings not sent or refused, by reason.");
        _associations = meter.CreateCounter<long>(CwmpGrainsTelemetry.SubscriberAssociations, "{device}", "Devices associated with a pre-registered subscriber, by key kind.");
    }

    public void Pass(string outcome) => _passes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Associated(string kind) => _associations.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
