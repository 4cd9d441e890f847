namespace Cwmp.Grains.Presets;

/// <summary>
/// Which devices a preset applies to; every criterion that is set must hold (an empty criteria matches every device).
/// Identity fields compare exactly (ordinal).
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.PresetCriteria")]
public sealed record PresetCriteria
{
    public static readonly PresetCriteria Any = new();

    [Id(0)] public string? Oui { get; init; }

    [Id(1)] public string? Manufacturer { get; init; }

    [Id(2)] public string? ProductClass { get; init; }

    [Id(3)] public VersionMatch? SoftwareVersion { get; init; }

    [Id(4)] public VersionMatch? HardwareVersion { get; init; }

    /// <summary>Tags the device must all have.</summary>
    [Id(5)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The device's subscriber id; "*" for any device that has one.</summary>
    [Id(6)] public string? SubscriberId { get; init; }

    /// <summary>Parameter values that must all hold (from the last Inform, else the cached tree).</summary>
    [Id(7)] public IReadOnlyList<ParameterPredicate> Parameters { get; init; } = [];

    /// <summary>Tags the device must not have.</summary>
    [Id(8)] public IReadOnlyList<string> ExcludedTags { get; init; } = [];
}
