namespace Cwmp.Grains.Devices;

/// <summary>How a session ended (the "outcome" tag of the sessions metric).</summary>
internal enum SessionOutcome
{
    /// <summary>The ACS had nothing more to send: 204 (or an empty 200).</summary>
    Completed,

    /// <summary>The CPE was silent for longer than the session timeout.</summary>
    Expired,

    /// <summary>A new Inform arrived while the session was open (the CPE rebooted or gave up).</summary>
    Replaced,

    /// <summary>The grain was deactivated with the session open.</summary>
    Deactivated,

    /// <summary>The device was forgotten.</summary>
    Forgotten,
}
