namespace Cwmp.Grains.Presets;

/// <summary>
/// A version criterion: exactly <see cref="Exact"/>, or within [<see cref="Min"/>, <see cref="Max"/>] (either end may
/// be open; compared by <see cref="VersionOrder"/>), and/or matching the regular expression <see cref="Pattern"/>
/// (whole value). Every part that is set must hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.VersionMatch")]
public sealed record VersionMatch
{
    [Id(0)] public string? Exact { get; init; }

    [Id(1)] public string? Min { get; init; }

    [Id(2)] public string? Max { get; init; }

    [Id(3)] public string? Pattern { get; init; }
}
