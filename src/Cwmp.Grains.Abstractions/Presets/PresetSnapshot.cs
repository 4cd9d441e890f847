namespace Cwmp.Grains.Presets;

/// <summary>Every preset at one version of the registry; the version grows by one on every change.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.PresetSnapshot")]
public sealed record PresetSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<Preset> Presets)
{
    public static readonly PresetSnapshot Empty = new(0, []);
}
