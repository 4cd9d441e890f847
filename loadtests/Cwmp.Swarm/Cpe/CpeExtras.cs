namespace Cwmp.Swarm.Cpe;

/// <summary>
/// The rarely used state of a device, allocated only when one of these things happens to it, so that an idle
/// device carries one null reference instead of all of it.
/// </summary>
internal sealed class CpeExtras
{
    public List<PendingTransfer>? Transfers { get; set; }

    public List<CompletedTransfer>? CompletedTransfers { get; set; }

    /// <summary>ScheduleInform requests: due time (UTC ticks) and CommandKey.</summary>
    public List<(long DueTicks, string CommandKey)>? ScheduledInforms { get; set; }

    /// <summary>Diagnostics requested with DiagnosticsState=Requested: the object path and when it completes.</summary>
    public List<(long DueTicks, string ObjectPath)>? Diagnostics { get; set; }

    /// <summary>Parameters changed by the device itself, reported in the next Inform (passive or active notification).</summary>
    public List<string>? ValueChanges { get; set; }

    public bool IsEmpty =>
        (Transfers?.Count ?? 0) == 0 && (CompletedTransfers?.Count ?? 0) == 0 && (ScheduledInforms?.Count ?? 0) == 0
        && (Diagnostics?.Count ?? 0) == 0 && (ValueChanges?.Count ?? 0) == 0;
}
