namespace Cwmp.Grains.Index;

/// <summary>
/// A conjunction of filters over the device index; a null (or empty) member does not filter. String matches are
/// exact and ordinal.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceQuery")]
public sealed record DeviceQuery
{
    [Id(0)] public string? Oui { get; init; }

    [Id(1)] public string? ProductClass { get; init; }

    [Id(2)] public string? SoftwareVersion { get; init; }

    [Id(3)] public string? HardwareVersion { get; init; }

    /// <summary>Every one of these tags.</summary>
    [Id(4)] public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(5)] public string? SubscriberId { get; init; }

    /// <summary>Last Inform at or after this time.</summary>
    [Id(6)] public DateTimeOffset? LastInformFrom { get; init; }

    /// <summary>Last Inform before this time.</summary>
    [Id(7)] public DateTimeOffset? LastInformTo { get; init; }

    /// <summary>True: informed within the index's online window; false: not; null: either.</summary>
    [Id(8)] public bool? Online { get; init; }

    /// <summary>These exact device keys (an explicit list); empty: any.</summary>
    [Id(9)] public IReadOnlyList<string> DeviceKeys { get; init; } = [];

    public static DeviceQuery All { get; } = new();
}
