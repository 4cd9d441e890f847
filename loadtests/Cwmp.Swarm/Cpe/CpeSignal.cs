namespace Cwmp.Swarm.Cpe;

/// <summary>Things that happen to a device from outside its own turns.</summary>
[Flags]
internal enum CpeSignal
{
    None = 0,

    /// <summary>An authenticated connection request (HTTP or UDP): start a "6 CONNECTION REQUEST" session.</summary>
    ConnectionRequest = 1,

    /// <summary>The subscriber changed a setting (mixed scenario): a value change to notify.</summary>
    UserChange = 2,

    /// <summary>Power cut and back (mixed scenario): a reboot without the ACS asking.</summary>
    PowerCycle = 4,
}
