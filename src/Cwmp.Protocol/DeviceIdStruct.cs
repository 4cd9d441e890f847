namespace Cwmp.Protocol;

/// <summary>The identity a CPE reports in every Inform (cwmp DeviceIdStruct).</summary>
public sealed record DeviceIdStruct(string Manufacturer, string Oui, string ProductClass, string SerialNumber)
{
    /// <summary>The canonical device key, <c>OUI-ProductClass-SerialNumber</c> (see <see cref="DeviceKey"/>).</summary>
    public string ToDeviceKey() => DeviceKey.Format(Oui, ProductClass, SerialNumber);
}
