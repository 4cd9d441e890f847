namespace Cwmp.ConnectionRequests;

/// <summary>
/// Settings of the connection request client, bound from the configuration section
/// <see cref="SectionName"/> ("Cwmp:ConnectionRequests").
/// </summary>
public sealed class ConnectionRequestOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Cwmp:ConnectionRequests";

    /// <summary>
    /// How long one HTTP connection request may take, from name resolution to the answer to our Digest response.
    /// A CPE answers before it starts its session, so a few seconds are plenty.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shortest time between two connection requests to the same device; a repeat inside it is not sent
    /// (<see cref="ConnectionRequestResult.Throttled"/>). Zero turns throttling off.
    /// </summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many devices the throttle remembers; beyond it the oldest entries are dropped.</summary>
    public int ThrottleCapacity { get; set; } = 100_000;

    /// <summary>How many copies of a UDP connection request are sent (UDP may drop some).</summary>
    public int UdpCopies { get; set; } = 3;

    /// <summary>
    /// Answer a Basic challenge. Off by default: the connection request goes over plain HTTP, where Basic gives the
    /// password away.
    /// </summary>
    public bool AllowBasicAuthentication { get; set; }

    /// <summary>Allow 127.0.0.0/8 and ::1 (tests, a CPE simulator on the same host).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow 169.254.0.0/16 and fe80::/10.</summary>
    public bool AllowLinkLocal { get; set; }

    /// <summary>
    /// Allow the cloud metadata addresses (169.254.169.254, 169.254.170.2, 100.100.100.200, fd00:ec2::254). The
    /// link-local ones stay refused unless <see cref="AllowLinkLocal"/> is on too.
    /// </summary>
    public bool AllowCloudMetadata { get; set; }

    /// <summary>
    /// Allow private and shared ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, fec0::/10). On by
    /// default: an operator's ACS usually reaches its CPEs on exactly such addresses.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; } = true;

    /// <summary>Further networks never to contact, in CIDR notation ("10.20.0.0/16", "2001:db8::/32").</summary>
    public IList<string> DeniedNetworks { get; } = [];
}
