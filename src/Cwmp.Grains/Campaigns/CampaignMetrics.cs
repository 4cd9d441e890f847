using System.Diagnostics.Metrics;

namespace Cwmp.Grains.Campaigns;

/// <summary>Campaign metrics, on the grains' meter (<see cref="CwmpGrainsTelemetry"/>).</summary>
internal sealed class CampaignMetrics
{
    private readonly Counter<long> _devices;
    private readonly Counter<long> _statusChanges;
    private readonly Counter<long> _workerErrors;

    public CampaignMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(CwmpGrainsTelemetry.MeterName);
        _devices = meter.CreateCounter<long>(CwmpGrainsTelemetry.CampaignDevices, "{device}", "Campaign devices started and ended, by campaign, outcome and code.");
        _statusChanges = meter.CreateCounter<long>(CwmpGrainsTelemetry.CampaignStatusChanges, "{change}", "Campaign status changes, by campaign and status.");
        _workerErrors = meter.CreateCounter<long>(CwmpGrainsTelemetry.CampaignWorkerErrors, "{error}", "Shard worker steps that failed and will be retried, by step.");
    }

    public void Device(string campaignId, string outcome, string? code) => _devices.Add(
        1,
        new KeyValuePair<string, object?>("campaign", campaignId),
        new KeyValuePair<string, object?>("outcome", outcome),
        new KeyValuePair<string, object?>("code", code ?? string.Empty));

    public void StatusChanged(string campaignId, CampaignStatus status) => _statusChanges.Add(
        1, new KeyValuePair<string, object?>("campaign", campaignId), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void WorkerError(string step) => _workerErrors.Add(1, new KeyValuePair<string, object?>("step", step));
}
