namespace Cwmp.Nbi;

/// <summary>What an API key may do; each role includes the ones below it.</summary>
public enum NbiRole
{
    /// <summary>Reads: devices, parameters, tasks, faults.</summary>
    Viewer = 1,

    /// <summary>Also queues, cancels and retries tasks, changes tags and forgets devices.</summary>
    Operator = 2,

    /// <summary>Everything, the audit log included.</summary>
    Admin = 3,
}
