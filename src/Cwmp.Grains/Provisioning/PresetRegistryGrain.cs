using Cwmp.Grains.Presets;
using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Provisioning;

/// <summary>All presets in one record (ADR 0006): a few hundred presets are a few hundred kilobytes at most.</summary>
internal sealed partial class PresetRegistryGrain(
    [PersistentState("presets", CwmpStorageNames.Provisioning)] IPersistentState<PresetRegistryState> state,
    ILogger<PresetRegistryGrain> logger) : Grain, IPresetRegistryGrain
{
    private PresetSnapshot? _snapshot;

    public Task<PresetSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot);

    public Task<PresetSnapshot?> GetIfChangedAsync(long knownVersion) =>
        Task.FromResult(knownVersion == state.State.Version ? null : Snapshot);

    public Task<Preset?> GetAsync(string name) =>
        Task.FromResult(state.State.Presets.Find(p => string.Equals(p.Name, name, StringComparison.Ordinal)));

    public async Task<bool> PutAsync(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (!Preset.IsValidName(preset.Name))
        {
            throw new ArgumentException($"Preset name '{preset.Name}' is not 1–{Preset.MaxNameLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'.", nameof(preset));
        }

        List<Preset> presets = state.State.Presets;
        int index = presets.FindIndex(p => string.Equals(p.Name, preset.Name, StringComparison.Ordinal));
        if (index >= 0 && presets[index] == preset)
        {
            return false;
        }

        if (index >= 0)
        {
            presets[index] = preset;
        }
        else
        {
            presets.Add(preset);
        }

        await CommitAsync();
        LogPresetStored(logger, preset.Name, state.State.Version, index < 0);
        return index < 0;
    }

    public async Task<bool> DeleteAsync(string name)
    {
        if (state.State.Presets.RemoveAll(p => string.Equals(p.Name, name, StringComparison.Ordinal)) == 0)
        {
            return false;
        }

        await CommitAsync();
        LogPresetDeleted(logger, name, state.State.Version);
        return true;
    }

    private PresetSnapshot Snapshot => _snapshot ??= new PresetSnapshot(state.State.Version, [.. state.State.Presets.OrderBy(p => p.Name, StringComparer.Ordinal)]);

    private async Task CommitAsync()
    {
        state.State.Version++;
        _snapshot = null;
        await state.WriteStateAsync();
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Preset {Name} stored (registry version {Version}, new: {Created})")]
    private static partial void LogPresetStored(ILogger logger, string name, long version, bool created);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Preset {Name} deleted (registry version {Version})")]
    private static partial void LogPresetDeleted(ILogger logger, string name, long version);
}
