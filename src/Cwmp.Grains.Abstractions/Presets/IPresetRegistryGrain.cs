namespace Cwmp.Grains.Presets;

/// <summary>
/// All presets, in one grain (key <see cref="Key"/>) with a version number (ADR 0006). Device grains do not call it on
/// every Inform: each silo keeps the last snapshot and asks, at most once per refresh interval, whether the version
/// moved.
/// </summary>
[Alias("cwmp.IPresetRegistryGrain")]
public interface IPresetRegistryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [Alias("GetSnapshot")]
    Task<PresetSnapshot> GetSnapshotAsync();

    /// <summary>The snapshot when its version is not <paramref name="knownVersion"/>, else null (nothing to copy).</summary>
    [Alias("GetIfChanged")]
    Task<PresetSnapshot?> GetIfChangedAsync(long knownVersion);

    [Alias("Get")]
    Task<Preset?> GetAsync(string name);

    /// <summary>Creates or replaces the preset of that name; true when it was created.</summary>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    [Alias("Put")]
    Task<bool> PutAsync(Preset preset);

    /// <summary>False when there was no preset of that name.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(string name);
}
