namespace Cwmp.Server.Configuration;

/// <summary>Configuration section <c>Cwmp:Orleans</c>.</summary>
internal sealed class ClusterSettings
{
    public const string SectionName = "Cwmp:Orleans";

    public string ClusterId { get; set; } = "cwmp";

    public string ServiceId { get; set; } = "cwmp-acs";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients use to reach this silo. Empty: loopback in embedded mode (a single
    /// process), otherwise the host's first address as Orleans chooses it.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }
}
