using System.Collections.Concurrent;

namespace Cwmp.Swarm.Swarm;

/// <summary>Counters of a run, updated from every worker without locks.</summary>
internal sealed class SwarmStatistics
{
    private long _sessionsStarted;
    private long _sessionsSucceeded;
    private long _sessionsFailed;
    private long _httpConnectionRequests;
    private long _udpConnectionRequests;
    private long _rejectedConnectionRequests;
    private long _inFlight;
    private long _connections;

    public LatencyHistogram Latency { get; } = new();

    public ConcurrentDictionary<string, long> FailuresByKind { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> InjectedFaults { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> RpcsAnswered { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> EventsSent { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Transfers { get; } = new(StringComparer.Ordinal);

    public long SessionsStarted => Interlocked.Read(ref _sessionsStarted);

    public long SessionsSucceeded => Interlocked.Read(ref _sessionsSucceeded);

    public long SessionsFailed => Interlocked.Read(ref _sessionsFailed);

    public long SessionsFinished => SessionsSucceeded + SessionsFailed;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long HttpConnectionRequests => Interlocked.Read(ref _httpConnectionRequests);

    public long UdpConnectionRequests => Interlocked.Read(ref _udpConnectionRequests);

    public long RejectedConnectionRequests => Interlocked.Read(ref _rejectedConnectionRequests);

    public long TcpConnections => Interlocked.Read(ref _connections);

    public long TotalFailuresOf(string kind) => FailuresByKind.GetValueOrDefault(kind);

    public long SessionStarted()
    {
        Interlocked.Increment(ref _inFlight);
        return Interlocked.Increment(ref _sessionsStarted);
    }

    public void SessionSucceeded(TimeSpan duration, int connections)
    {
        Latency.Record(duration);
        Interlocked.Add(ref _connections, connections);
        Interlocked.Increment(ref _sessionsSucceeded);
        Interlocked.Decrement(ref _inFlight);
    }

    public void SessionFailed(string kind, int connections)
    {
        FailuresByKind.AddOrUpdate(kind, 1, static (_, n) => n + 1);
        Interlocked.Add(ref _connections, connections);
        Interlocked.Increment(ref _sessionsFailed);
        Interlocked.Decrement(ref _inFlight);
    }

    public void Injected(string kind) => InjectedFaults.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    public void Answered(string method) => RpcsAnswered.AddOrUpdate(method, 1, static (_, n) => n + 1);

    public void EventSent(string code) => EventsSent.AddOrUpdate(code, 1, static (_, n) => n + 1);

    public void Transfer(string outcome) => Transfers.AddOrUpdate(outcome, 1, static (_, n) => n + 1);

    public void HttpConnectionRequest() => Interlocked.Increment(ref _httpConnectionRequests);

    public void UdpConnectionRequest() => Interlocked.Increment(ref _udpConnectionRequests);

    public void RejectedConnectionRequest() => Interlocked.Increment(ref _rejectedConnectionRequests);
}
