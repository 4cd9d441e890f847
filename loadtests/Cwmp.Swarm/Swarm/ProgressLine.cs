using System.Globalization;

namespace Cwmp.Swarm.Swarm;

/// <summary>The one-line live status printed every second.</summary>
internal static class ProgressLine
{
    public static string Format(TimeSpan elapsed, SwarmStatistics s, long finishedThisSecond)
    {
        string failures = s.FailuresByKind.IsEmpty
            ? "0"
            : string.Join(' ', s.FailuresByKind.OrderByDescending(f => f.Value).Take(4).Select(f => $"{f.Key}={f.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{elapsed.TotalSeconds,6:F0}s] sessions ok {s.SessionsSucceeded,9} ({finishedThisSecond,6}/s) in flight {s.InFlight,5} failed {s.SessionsFailed,7} [{failures}] CR http {s.HttpConnectionRequests} udp {s.UdpConnectionRequests} p95 {s.Latency.Percentile(0.95).TotalMilliseconds:F1} ms");
    }
}
