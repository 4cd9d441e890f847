namespace Cwmp.Grains.Subscribers;

/// <summary>What a pre-registration is keyed by.</summary>
public enum SubscriberKeyKind
{
    /// <summary>The device key (OUI-ProductClass-SerialNumber, percent-encoded).</summary>
    Device,

    /// <summary>The serial number alone (any OUI and ProductClass).</summary>
    Serial,

    /// <summary>The value of "…DeviceInfo.ProvisioningCode" the device reports.</summary>
    ProvisioningCode,
}

/// <summary>The grain key of a registration: the kind's prefix and the value ("serial:HG-000001").</summary>
public static class SubscriberRegistrationKey
{
    public const int MaxValueLength = 256;

    public static string For(SubscriberKeyKind kind, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return kind switch
        {
            SubscriberKeyKind.Device => "device:" + value,
            SubscriberKeyKind.Serial => "serial:" + value,
            SubscriberKeyKind.ProvisioningCode => "code:" + value,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
