using System.Collections.Concurrent;

namespace Cwmp.CampaignBench;

/// <summary>Counts the grain calls a silo receives, by interface and method ("ICampaignGrain.Report").</summary>
internal sealed class CallCounter : IIncomingGrainCallFilter
{
    private ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        string name = context.InterfaceName[(context.InterfaceName.LastIndexOf('.') + 1)..] + "." + context.MethodName.Replace("Async", string.Empty, StringComparison.Ordinal);
        _calls.AddOrUpdate(name, 1, static (_, n) => n + 1);
        return context.Invoke();
    }

    /// <summary>Waits (bounded) until <paramref name="name"/> has been called <paramref name="expected"/> times; returns the count.</summary>
    public async Task<long> SettleAsync(string name, long expected, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (_calls.GetValueOrDefault(name) < expected && clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return _calls.GetValueOrDefault(name);
    }

    public void Reset() => _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_calls, StringComparer.Ordinal);
}
