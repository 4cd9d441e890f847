namespace Cwmp.Gateway;

/// <summary>
/// The credential policy of the configuration-backed <see cref="ICpeCredentialStore"/>, tried in this order: the
/// device's own password, its product's (OUI and ProductClass), its OUI's, and finally one derived from the device key.
/// Keys use the escaping of the device key (<c>Cwmp.Protocol.DeviceKey</c>).
/// </summary>
public sealed class CpeCredentialOptions
{
    /// <summary>Username (normally the device key, "OUI-ProductClass-SerialNumber") to password.</summary>
    public Dictionary<string, string> Devices { get; } = new(StringComparer.Ordinal);

    /// <summary>"OUI-ProductClass" or "OUI" to the password shared by those devices.</summary>
    public Dictionary<string, string> Products { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When set, any well-formed device key authenticates with the lower-case hex HMAC-SHA256 of the key under this
    /// secret (the factory provisions each CPE with its own derived password).
    /// </summary>
    public string? DerivedSecret { get; set; }
}
