namespace Cwmp.Swarm.Cpe;

/// <summary>What the ACS asked for during a session that the device does after the session ends.</summary>
internal sealed class SessionEffects
{
    public string? RebootCommandKey { get; set; }

    public bool FactoryReset { get; set; }

    public List<PendingTransfer>? Transfers { get; set; }

    public List<(uint DelaySeconds, string CommandKey)>? ScheduledInforms { get; set; }

    /// <summary>Diagnostics objects set to Requested (or Canceled) by a successful SetParameterValues.</summary>
    public List<(string ObjectPath, bool Cancel)>? Diagnostics { get; set; }

    /// <summary>PeriodicInformEnable or PeriodicInformInterval changed: the periodic schedule restarts.</summary>
    public bool PeriodicChanged { get; set; }

    public bool Reboot => RebootCommandKey is not null;
}
