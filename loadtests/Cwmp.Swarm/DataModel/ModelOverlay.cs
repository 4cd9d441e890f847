namespace Cwmp.Swarm.DataModel;

/// <summary>
/// The part of a device's data model that differs from its template. Allocated on the first change; every
/// collection inside stays null until used, so an idle, never-configured device costs nothing here.
/// </summary>
internal sealed class ModelOverlay
{
    /// <summary>Changed values by full name (set by the ACS, by diagnostics, by the device itself).</summary>
    public Dictionary<string, string>? Values { get; set; }

    /// <summary>Notification (low 3 bits) and <see cref="SubscriberAccess"/> by full name, where they differ from the default.</summary>
    public Dictionary<string, byte>? Attributes { get; set; }

    /// <summary>Instances of the template deleted by DeleteObject ("Device.NAT.PortMapping.2.").</summary>
    public List<string>? Deleted { get; set; }

    /// <summary>Instances created by AddObject (or by the device: trace-route hops), in creation order.</summary>
    public List<string>? Added { get; set; }

    /// <summary>The next instance number of each table that has grown, so that numbers are never reused.</summary>
    public Dictionary<string, uint>? NextInstance { get; set; }

    public const byte SubscriberAccess = 0x80;

    public int ValueCount => Values?.Count ?? 0;
}
