using Cwmp.Grains.Index;

namespace Cwmp.Grains.Devices;

/// <summary>
/// The device-index entry last written, in the device's state record: a plain settable class, because the grain
/// storage serializer (JSON by default) cannot build the init-only <see cref="DeviceIndexEntry"/> record.
/// </summary>
[GenerateSerializer, Alias("cwmp.IndexedEntryState")]
internal sealed class IndexedEntryState
{
    [Id(0)] public string DeviceKey { get; set; } = string.Empty;

    [Id(1)] public string Manufacturer { get; set; } = string.Empty;

    [Id(2)] public string Oui { get; set; } = string.Empty;

    [Id(3)] public string ProductClass { get; set; } = string.Empty;

    [Id(4)] public string SerialNumber { get; set; } = string.Empty;

    [Id(5)] public string? SoftwareVersion { get; set; }

    [Id(6)] public string? HardwareVersion { get; set; }

    [Id(7)] public List<string> Tags { get; set; } = [];

    [Id(8)] public string? SubscriberId { get; set; }

    [Id(9)] public DateTimeOffset? LastInformAt { get; set; }

    [Id(10)] public string DataModelRoot { get; set; } = "Device.";

    public static IndexedEntryState From(DeviceIndexEntry entry) => new()
    {
        DeviceKey = entry.DeviceKey,
        Manufacturer = entry.Manufacturer,
        Oui = entry.Oui,
        ProductClass = entry.ProductClass,
        SerialNumber = entry.SerialNumber,
        SoftwareVersion = entry.SoftwareVersion,
        HardwareVersion = entry.HardwareVersion,
        Tags = [.. entry.Tags],
        SubscriberId = entry.SubscriberId,
        LastInformAt = entry.LastInformAt,
        DataModelRoot = entry.DataModelRoot,
    };

    public DeviceIndexEntry ToEntry() => new()
    {
        DeviceKey = DeviceKey,
        Manufacturer = Manufacturer,
        Oui = Oui,
        ProductClass = ProductClass,
        SerialNumber = SerialNumber,
        SoftwareVersion = SoftwareVersion,
        HardwareVersion = HardwareVersion,
        Tags = [.. Tags],
        SubscriberId = SubscriberId,
        LastInformAt = LastInformAt,
        DataModelRoot = DataModelRoot,
    };
}
