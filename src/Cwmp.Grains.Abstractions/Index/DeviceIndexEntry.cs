namespace Cwmp.Grains.Index;

/// <summary>
/// What the device index holds of one device: the attributes that queries and campaign targeting filter on. The
/// device grain writes it when one of them changes (not on every Inform); <see cref="LastInformAt"/> is kept at a
/// coarse granularity (see the index implementation) so that an unchanged periodic Inform does not write it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceIndexEntry")]
public sealed record DeviceIndexEntry
{
    [Id(0)] public required string DeviceKey { get; init; }

    [Id(1)] public required string Manufacturer { get; init; }

    [Id(2)] public required string Oui { get; init; }

    [Id(3)] public required string ProductClass { get; init; }

    [Id(4)] public required string SerialNumber { get; init; }

    [Id(5)] public string? SoftwareVersion { get; init; }

    [Id(6)] public string? HardwareVersion { get; init; }

    [Id(7)] public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(8)] public string? SubscriberId { get; init; }

    [Id(9)] public DateTimeOffset? LastInformAt { get; init; }

    /// <summary>"Device." or "InternetGatewayDevice.".</summary>
    [Id(10)] public required string DataModelRoot { get; init; }
}
