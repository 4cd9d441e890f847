using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>Sums the measurements of one counter of one meter instance (the silo's), with their tags.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MetricRecorder(Meter meter, string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (ReferenceEquals(published.Meter, meter) && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _measurements.Enqueue((value, tags.ToArray())));
        _listener.Start();
    }

    public long Total => _measurements.Sum(m => m.Value);

    /// <summary>The sum per value of one tag.</summary>
    public IReadOnlyDictionary<string, long> By(string tag) =>
        _measurements.GroupBy(m => m.Tags.FirstOrDefault(t => t.Key == tag).Value?.ToString() ?? "")
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value), StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
