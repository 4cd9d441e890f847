namespace Cwmp.Grains.Provisioning;

/// <summary>
/// What provisioning remembers per device between sessions (DeviceState Id 22): the provisioning tasks not yet looked
/// at, what failed (so that it is not sent again and again), which tables were read, the instances it created, what
/// it set on parameters that read back empty, and the first-contact discovery.
/// </summary>
[GenerateSerializer, Alias("cwmp.ProvisioningState")]
internal sealed class ProvisioningState
{
    /// <summary>Provisioning tasks queued and not yet harvested: task id → purpose (<see cref="ProvisioningPurpose"/>).</summary>
    [Id(0)] public Dictionary<string, string> OpenTasks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What the CPE refused: failure key (<see cref="ProvisioningPurpose"/>) → the reason, not retried until cleared.</summary>
    [Id(1)] public Dictionary<string, string> Failures { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The preset registry version the failures were recorded under; a new version clears them.</summary>
    [Id(2)] public long FailuresVersion { get; set; }

    /// <summary>Tables whose instances were read (GetParameterValues of the table), and when.</summary>
    [Id(3)] public Dictionary<string, DateTimeOffset> TablesReadAt { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Object rule identity → the instance AddObject created for it, until its keys are set.</summary>
    [Id(4)] public Dictionary<string, string> CreatedInstances { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Parameters that read back empty (passwords): path → SHA-256 of the value provisioning set.</summary>
    [Id(5)] public Dictionary<string, string> HiddenValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A preset that asks for a reboot changed something: reboot once the rest is done.</summary>
    [Id(6)] public bool RebootPending { get; set; }

    /// <summary>"0 BOOTSTRAP" was seen and first-contact provisioning has not converged yet.</summary>
    [Id(7)] public bool FirstContactPending { get; set; }

    /// <summary>When the parameter names were discovered (full GetParameterNames or the NextLevel walk).</summary>
    [Id(8)] public DateTimeOffset? DiscoveredAt { get; set; }

    /// <summary>The methods the CPE answered GetRPCMethods with.</summary>
    [Id(9)] public List<string> RpcMethods { get; set; } = [];

    /// <summary>Objects still to walk with GetParameterNames(NextLevel=true).</summary>
    [Id(10)] public List<string> WalkQueue { get; set; } = [];

    [Id(11)] public int WalkRequests { get; set; }

    /// <summary>Discovery is under way (queued at bootstrap, not finished).</summary>
    [Id(12)] public bool DiscoveryPending { get; set; }

    /// <summary>The connection request credentials first contact generated for this device.</summary>
    [Id(13)] public string? ConnectionRequestUsername { get; set; }

    [Id(14)] public string? ConnectionRequestPassword { get; set; }

    /// <summary>The ProvisioningCode of the last subscriber lookup, so that a new code is looked up once.</summary>
    [Id(15)] public string? LookedUpProvisioningCode { get; set; }

    /// <summary>The discovery requests of this bootstrap were queued (they are not queued twice).</summary>
    [Id(16)] public bool DiscoveryQueued { get; set; }

    /// <summary>The firmware version whose Download (from a preset) completed; cleared once the device reports it.</summary>
    [Id(17)] public string? FirmwareInstalled { get; set; }

    /// <summary>
    /// What the last converged pass saw (registry version, triggered presets, tags, subscriber, versions, root): an
    /// Inform that changes none of it, brings no new values and follows no answered task skips the pass, so a
    /// converged device's periodic Inform does not load its parameter tree.
    /// </summary>
    [Id(18)] public string? ConvergedKey { get; set; }

    [Id(19)] public DateTimeOffset? ConvergedAt { get; set; }
}
