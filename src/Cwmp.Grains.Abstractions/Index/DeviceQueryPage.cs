namespace Cwmp.Grains.Index;

/// <summary>One page of a device query.</summary>
/// <param name="Devices">The matching devices of this page.</param>
/// <param name="NextCursor">Opaque; pass it back for the next page. Null at the end.</param>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceQueryPage")]
public sealed record DeviceQueryPage(
    [property: Id(0)] IReadOnlyList<DeviceIndexEntry> Devices,
    [property: Id(1)] string? NextCursor);
