namespace Cwmp.ConnectionRequests;

/// <summary>Where and how to wake one device, as its ManagementServer parameters say.</summary>
/// <param name="DeviceKey">The device key (for throttling, logs and metrics).</param>
/// <param name="Url">ManagementServer.ConnectionRequestURL, or null when unknown.</param>
/// <param name="UdpAddress">ManagementServer.UDPConnectionRequestAddress ("host:port"), or null when unknown.</param>
/// <param name="Username">ManagementServer.ConnectionRequestUsername.</param>
/// <param name="Password">ManagementServer.ConnectionRequestPassword.</param>
public sealed record ConnectionRequestTarget(
    string DeviceKey,
    string? Url,
    string? UdpAddress,
    string Username,
    string Password)
{
    /// <summary>Keeps the password out of logs and exception messages that print the record.</summary>
    public override string ToString() =>
        $"ConnectionRequestTarget {{ DeviceKey = {DeviceKey}, Url = {Url}, UdpAddress = {UdpAddress}, Username = {Username} }}";
}
