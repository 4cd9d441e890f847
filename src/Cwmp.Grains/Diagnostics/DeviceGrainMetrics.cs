using System.Diagnostics.Metrics;
using Cwmp.Protocol;

namespace Cwmp.Grains.Diagnostics;

/// <summary>The grains' instruments on the "Cwmp.Grains" meter (one meter per service provider).</summary>
internal sealed class DeviceGrainMetrics
{
    private readonly Counter<long> _storageRoundTrips;
    private readonly Counter<long> _sessions;
    private readonly Counter<long> _informEvents;
    private readonly Counter<long> _rpcFaults;
    private readonly Counter<long> _rejectedPosts;
    private readonly Histogram<int> _queueDepth;

    public DeviceGrainMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(CwmpGrainsTelemetry.MeterName);
        _storageRoundTrips = Meter.CreateCounter<long>(CwmpGrainsTelemetry.StorageRoundTrips, "{round_trip}", "Storage round trips of the device grains.");
        _sessions = Meter.CreateCounter<long>(CwmpGrainsTelemetry.Sessions, "{session}", "CWMP sessions ended, by outcome.");
        _informEvents = Meter.CreateCounter<long>(CwmpGrainsTelemetry.InformEvents, "{event}", "Inform events, by event code.");
        _rpcFaults = Meter.CreateCounter<long>(CwmpGrainsTelemetry.RpcFaults, "{fault}", "CPE faults to ACS requests, by method and code.");
        _rejectedPosts = Meter.CreateCounter<long>(CwmpGrainsTelemetry.RejectedPosts, "{post}", "POSTs that fit no session, by reason.");
        _queueDepth = Meter.CreateHistogram<int>(CwmpGrainsTelemetry.QueueDepth, "{task}", "Tasks waiting for a device when its session opens.");
    }

    public Meter Meter { get; }

    public void StorageRoundTrip(string operation) => _storageRoundTrips.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void SessionEnded(string outcome) => _sessions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void InformEvent(string eventCode) => _informEvents.Add(1, new KeyValuePair<string, object?>("event", TagOf(eventCode)));

    public void RpcFault(string method, int faultCode) =>
        _rpcFaults.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("code", faultCode));

    public void RejectedPost(string reason) => _rejectedPosts.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void QueueDepth(int depth) => _queueDepth.Record(depth);

    // Vendor and unknown codes carry free text: one tag value each would make the series unbounded.
    private static string TagOf(string eventCode) =>
        StandardCodes.Contains(eventCode) ? eventCode
        : EventCodes.IsVendorEvent(eventCode) ? "X"
        : EventCodes.IsMethodEvent(eventCode) ? "M other"
        : "other";

    private static readonly System.Collections.Frozen.FrozenSet<string> StandardCodes = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        EventCodes.Bootstrap, EventCodes.Boot, EventCodes.Periodic, EventCodes.Scheduled, EventCodes.ValueChange,
        EventCodes.Kicked, EventCodes.ConnectionRequest, EventCodes.TransferComplete, EventCodes.DiagnosticsComplete,
        EventCodes.RequestDownload, EventCodes.AutonomousTransferComplete, EventCodes.DuStateChangeComplete,
        EventCodes.AutonomousDuStateChangeComplete, EventCodes.Wakeup, EventCodes.Heartbeat, EventCodes.MReboot,
        EventCodes.MScheduleInform, EventCodes.MDownload, EventCodes.MScheduleDownload, EventCodes.MUpload,
        EventCodes.MChangeDuState,
    ], StringComparer.Ordinal);
}
