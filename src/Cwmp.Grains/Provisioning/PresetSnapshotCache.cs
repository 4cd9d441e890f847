using Cwmp.Grains.Presets;
using Microsoft.Extensions.Options;

namespace Cwmp.Grains.Provisioning;

/// <summary>
/// The silo's copy of the presets (ADR 0006). A device grain's Inform reads it from memory; once the copy is older
/// than the refresh interval, the next reader asks the registry whether its version moved (the answer is empty when
/// it did not), and readers that come meanwhile share that one call.
/// </summary>
internal sealed class PresetSnapshotCache(IGrainFactory grains, TimeProvider time, IOptions<ProvisioningOptions> options)
{
    private readonly Lock _lock = new();
    private PresetSnapshot _snapshot = PresetSnapshot.Empty;
    private DateTimeOffset? _checkedAt;
    private Task<PresetSnapshot>? _refresh;

    public Task<PresetSnapshot> GetAsync()
    {
        lock (_lock)
        {
            if (_checkedAt is { } checkedAt && time.GetUtcNow() - checkedAt < options.Value.PresetRefreshInterval)
            {
                return Task.FromResult(_snapshot);
            }

            return _refresh ??= RefreshAsync();
        }
    }

    private async Task<PresetSnapshot> RefreshAsync()
    {
        // Never completes before the caller has stored it as the refresh in flight.
        await Task.Yield();
        try
        {
            DateTimeOffset asked = time.GetUtcNow();
            PresetSnapshot? changed = await grains.GetGrain<IPresetRegistryGrain>(IPresetRegistryGrain.Key).GetIfChangedAsync(_snapshot.Version).ConfigureAwait(false);
            lock (_lock)
            {
                if (changed is not null)
                {
                    _snapshot = changed;
                }

                _checkedAt = asked;
                return _snapshot;
            }
        }
        finally
        {
            lock (_lock)
            {
                _refresh = null;
            }
        }
    }
}
