namespace Cwmp.Gateway;

/// <summary>A CPE's credential.</summary>
/// <param name="DeviceKey">
/// The device key this username proves (normally the username itself). A two-part key (OUI-SerialNumber) matches the
/// device with that OUI and serial number whatever its ProductClass.
/// </param>
/// <param name="Password">The shared secret, in clear: Digest needs it to recompute the hash.</param>
public sealed record CpeCredential(string DeviceKey, string Password)
{
    // The password must never reach a log line through the record's generated ToString.
    public override string ToString() => $"CpeCredential {{ DeviceKey = {DeviceKey} }}";
}
