using Orleans.Placement;

namespace Cwmp.Server.Diagnostics;

/// <summary>
/// Local placement: a readiness probe on a combined host must test this silo and its storage connection, not
/// whichever silo the directory would otherwise pick.
/// </summary>
[PreferLocalPlacement]
internal sealed class StorageProbeGrain(
    [PersistentState("probe", StorageNames.Diagnostics)] IPersistentState<StorageProbeState> state,
    TimeProvider timeProvider) : Grain, IStorageProbeGrain
{
    public async Task<StorageProbeResult> ProbeAsync()
    {
        state.State.Writes++;
        state.State.LastWrite = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return Current();
    }

    public Task<StorageProbeResult> ReadAsync() => Task.FromResult(Current());

    private StorageProbeResult Current() => new(state.State.Writes, state.State.LastWrite);
}
