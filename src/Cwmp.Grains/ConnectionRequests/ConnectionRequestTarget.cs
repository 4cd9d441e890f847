namespace Cwmp.Grains;

/// <summary>Where and how to reach a CPE for a connection request, from the device's cached parameters.</summary>
/// <param name="DeviceKey">The device (for throttling and logs).</param>
/// <param name="ConnectionRequestUrl">ManagementServer.ConnectionRequestURL; null when unknown.</param>
/// <param name="UdpConnectionRequestAddress">ManagementServer.UDPConnectionRequestAddress ("host:port"); null when unknown.</param>
/// <param name="Username">ManagementServer.ConnectionRequestUsername; null when unknown.</param>
/// <param name="Password">ManagementServer.ConnectionRequestPassword; null when unknown (CPEs report it empty).</param>
[GenerateSerializer, Immutable, Alias("cwmp.ConnectionRequestTarget")]
public sealed record ConnectionRequestTarget(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string? ConnectionRequestUrl,
    [property: Id(2)] string? UdpConnectionRequestAddress,
    [property: Id(3)] string? Username,
    [property: Id(4)] string? Password)
{
    /// <summary>Not the password: the target may end up in logs.</summary>
    public override string ToString() =>
        $"{DeviceKey} url={ConnectionRequestUrl ?? "-"} udp={UdpConnectionRequestAddress ?? "-"} user={Username ?? "-"}";
}
