namespace Cwmp.Server.Configuration;

/// <summary>Configuration section <c>Cwmp:Ports</c>: the ports operators expect from a TR-069 ACS.</summary>
internal sealed class PortOptions
{
    public const string SectionName = "Cwmp:Ports";

    /// <summary>Empty means every interface (IPv4 and IPv6).</summary>
    public string? BindAddress { get; set; }

    public int Cwmp { get; set; } = 7547;

    public int Nbi { get; set; } = 7557;

    public int Files { get; set; } = 7567;
}
