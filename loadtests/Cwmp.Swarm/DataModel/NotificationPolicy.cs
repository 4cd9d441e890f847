namespace Cwmp.Swarm.DataModel;

/// <summary>
/// Notification defaults and limits of a typical gateway (TR-069 A.3.2.4, checklist §5): the software version and
/// provisioning code are forced active, the connection-request addresses active by default; parameters that change
/// all the time (uptime, counters, clocks) refuse active notification with fault 9009.
/// </summary>
internal static class NotificationPolicy
{
    public const byte Off = 0;
    public const byte Passive = 1;
    public const byte Active = 2;

    public static byte Default(string name) =>
        name.EndsWith(".DeviceInfo.SoftwareVersion", StringComparison.Ordinal)
        || name.EndsWith(".DeviceInfo.ProvisioningCode", StringComparison.Ordinal)
        || name.EndsWith(".ManagementServer.ConnectionRequestURL", StringComparison.Ordinal)
        || name.EndsWith(".ManagementServer.UDPConnectionRequestAddress", StringComparison.Ordinal)
            ? Active
            : Off;

    /// <summary>True for the forced-active parameters whose notification cannot be turned down.</summary>
    public static bool IsForcedActive(string name) =>
        name.EndsWith(".DeviceInfo.SoftwareVersion", StringComparison.Ordinal)
        || name.EndsWith(".DeviceInfo.ProvisioningCode", StringComparison.Ordinal);

    public static bool RejectsActive(string name) =>
        name.EndsWith(".UpTime", StringComparison.Ordinal)
        || name.Contains(".Stats.", StringComparison.Ordinal)
        || name.EndsWith(".CurrentLocalTime", StringComparison.Ordinal)
        || name.EndsWith(".LeaseTimeRemaining", StringComparison.Ordinal);
}
