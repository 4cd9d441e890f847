using System.Collections.Concurrent;

namespace Cwmp.Grains;

/// <summary>Value-change history in process memory (tests, single-node development): lost when the process ends.</summary>
public sealed class InMemoryValueHistoryStore : IValueHistoryStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, List<ParameterValueChange>>> _devices = new(StringComparer.Ordinal);

    public Task AppendAsync(string deviceKey, IReadOnlyList<ValueChangeEntry> changes, int maxPerParameter, CancellationToken cancellationToken = default)
    {
        Dictionary<string, List<ParameterValueChange>> device = _devices.GetOrAdd(deviceKey, _ => new(StringComparer.Ordinal));
        lock (device)
        {
            foreach (ValueChangeEntry entry in changes)
            {
                if (!device.TryGetValue(entry.Name, out List<ParameterValueChange>? values))
                {
                    device[entry.Name] = values = [];
                }

                values.Insert(0, entry.Change);
                if (values.Count > maxPerParameter)
                {
                    values.RemoveRange(maxPerParameter, values.Count - maxPerParameter);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParameterValueChange>> ReadAsync(string deviceKey, string parameterName, CancellationToken cancellationToken = default)
    {
        if (!_devices.TryGetValue(deviceKey, out Dictionary<string, List<ParameterValueChange>>? device))
        {
            return Task.FromResult<IReadOnlyList<ParameterValueChange>>([]);
        }

        lock (device)
        {
            return Task.FromResult<IReadOnlyList<ParameterValueChange>>(device.TryGetValue(parameterName, out List<ParameterValueChange>? values) ? [.. values] : []);
        }
    }

    public Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        _devices.TryRemove(deviceKey, out _);
        return Task.CompletedTask;
    }
}
