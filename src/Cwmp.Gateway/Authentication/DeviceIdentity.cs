using Cwmp.Protocol;

namespace Cwmp.Gateway.Authentication;

/// <summary>Whether an authenticated identity may speak for a device.</summary>
internal static class DeviceIdentity
{
    /// <summary>
    /// True when <paramref name="authenticated"/> is <paramref name="deviceKey"/>, or is the two-part form
    /// (OUI-SerialNumber, checklist §1) of it.
    /// </summary>
    public static bool Matches(string authenticated, string deviceKey)
    {
        if (string.Equals(authenticated, deviceKey, StringComparison.Ordinal))
        {
            return true;
        }

        return DeviceKey.TryParse(authenticated, out string oui, out string productClass, out string serial)
            && productClass.Length == 0
            && DeviceKey.TryParse(deviceKey, out string deviceOui, out _, out string deviceSerial)
            && string.Equals(oui, deviceOui, StringComparison.Ordinal)
            && string.Equals(serial, deviceSerial, StringComparison.Ordinal);
    }

    /// <summary>True when the key names one device completely (OUI-ProductClass-SerialNumber), so it can address its grain.</summary>
    public static bool IsFullKey(string deviceKey) =>
        DeviceKey.TryParse(deviceKey, out _, out string productClass, out _) && productClass.Length > 0;
}
