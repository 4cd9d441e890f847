using System.Collections.Concurrent;

namespace Cwmp.Grains;

/// <summary>
/// A parameter store in process memory, for tests and single-node development. It counts its round trips so that a
/// test can check what the grain asked of it.
/// </summary>
public sealed class InMemoryParameterStore : IParameterStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, CachedParameter>> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ParameterChanges> _lastWrites = new(StringComparer.Ordinal);
    private int _roundTrips;

    /// <summary>Calls made so far, over all devices.</summary>
    public int RoundTrips => Volatile.Read(ref _roundTrips);

    public Task<IReadOnlyList<CachedParameter>> LoadAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _roundTrips);
        if (!_devices.TryGetValue(deviceKey, out Dictionary<string, CachedParameter>? entries))
        {
            return Task.FromResult<IReadOnlyList<CachedParameter>>([]);
        }

        lock (entries)
        {
            return Task.FromResult<IReadOnlyList<CachedParameter>>([.. entries.Values]);
        }
    }

    public Task WriteAsync(string deviceKey, ParameterChanges changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _roundTrips);
        _lastWrites[deviceKey] = changes;
        Dictionary<string, CachedParameter> entries = _devices.GetOrAdd(deviceKey, _ => new Dictionary<string, CachedParameter>(StringComparer.Ordinal));
        lock (entries)
        {
            if (changes.ClearFirst)
            {
                entries.Clear();
            }

            foreach (CachedParameter parameter in changes.Upserts)
            {
                entries[parameter.Name] = parameter;
            }

            foreach (string name in changes.Removals)
            {
                entries.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _roundTrips);
        _devices.TryRemove(deviceKey, out _);
        return Task.CompletedTask;
    }

    /// <summary>The changes of the last write for a device; null before the first.</summary>
    public ParameterChanges? LastWrite(string deviceKey) => _lastWrites.GetValueOrDefault(deviceKey);

    /// <summary>What is stored for a device, by name (a snapshot).</summary>
    public IReadOnlyDictionary<string, CachedParameter> Snapshot(string deviceKey)
    {
        if (!_devices.TryGetValue(deviceKey, out Dictionary<string, CachedParameter>? entries))
        {
            return new Dictionary<string, CachedParameter>();
        }

        lock (entries)
        {
            return new Dictionary<string, CachedParameter>(entries, StringComparer.Ordinal);
        }
    }
}
