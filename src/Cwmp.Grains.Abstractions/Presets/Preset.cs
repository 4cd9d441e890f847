namespace Cwmp.Grains.Presets;

/// <summary>
/// A named provisioning rule: which devices (<see cref="Criteria"/>), on which Informs (<see cref="Triggers"/>), get
/// which desired state (<see cref="Actions"/>). Where two matching presets want different things for the same
/// parameter, the higher <see cref="Precedence"/> wins (ties: the name that sorts last, ordinal).
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.Preset")]
public sealed record Preset
{
    public const int MaxNameLength = 128;

    /// <summary>1–128 characters of <c>[A-Za-z0-9_.:-]</c>; the preset's identity.</summary>
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public int Precedence { get; init; }

    [Id(2)] public PresetCriteria Criteria { get; init; } = PresetCriteria.Any;

    [Id(3)] public PresetTriggers Triggers { get; init; } = PresetTriggers.EveryInform;

    [Id(4)] public PresetActions Actions { get; init; } = PresetActions.None;

    /// <summary>A disabled preset is kept but never matches.</summary>
    [Id(5)] public bool Enabled { get; init; } = true;

    [Id(6)] public string? Description { get; init; }

    /// <summary>True when <paramref name="name"/> is 1–128 characters of <c>[A-Za-z0-9_.:-]</c>.</summary>
    public static bool IsValidName(string? name) => DeviceTags.IsValid(name);
}
