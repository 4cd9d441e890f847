namespace Cwmp.Server.Diagnostics;

/// <summary>
/// Checks grain storage end to end (activation, read, Lua-scripted write) for readiness; keyed by the caller's host
/// so that each server instance probes with its own small record.
/// </summary>
[Alias("Cwmp.Server.Diagnostics.IStorageProbeGrain")]
internal interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Counts one more write and persists it before answering.</summary>
    [Alias("Probe")]
    Task<StorageProbeResult> ProbeAsync();

    /// <summary>The persisted figures, without writing.</summary>
    [Alias("Read")]
    Task<StorageProbeResult> ReadAsync();
}
