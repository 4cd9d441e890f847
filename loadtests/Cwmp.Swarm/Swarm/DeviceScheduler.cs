using Cwmp.Swarm.Cpe;

namespace Cwmp.Swarm.Swarm;

/// <summary>
/// Wakes devices at their due times with one timer for the whole swarm: a priority queue of (device, due) and a
/// timer armed for the earliest entry. Time comes from the injected <see cref="TimeProvider"/>, so tests drive it.
/// A device's latest due time supersedes earlier entries, which are skipped when they surface.
/// </summary>
internal sealed class DeviceScheduler : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<SimulatedCpe> _wake;
    private readonly PriorityQueue<SimulatedCpe, long> _queue = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private long _armedFor = long.MaxValue;
    private bool _disposed;

    public DeviceScheduler(TimeProvider timeProvider, Action<SimulatedCpe> wake)
    {
        _timeProvider = timeProvider;
        _wake = wake;
        _timer = timeProvider.CreateTimer(static state => ((DeviceScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How many wakes have been handed out (for tests: a wake is handed out synchronously when time passes its due).</summary>
    public long Wakes { get; private set; }

    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public void Schedule(SimulatedCpe cpe, long dueTicks)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            cpe.ScheduledWakeTicks = dueTicks;
            _queue.Enqueue(cpe, dueTicks);
            if (dueTicks < _armedFor)
            {
                Arm(dueTicks);
            }
        }
    }

    private void Arm(long dueTicks)
    {
        _armedFor = dueTicks;
        long delay = Math.Max(0, dueTicks - _timeProvider.GetUtcNow().UtcTicks);
        _timer.Change(TimeSpan.FromTicks(delay), Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        List<SimulatedCpe>? due = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            long now = _timeProvider.GetUtcNow().UtcTicks;
            _armedFor = long.MaxValue;
            while (_queue.TryPeek(out SimulatedCpe? cpe, out long dueTicks) && dueTicks <= now)
            {
                _queue.Dequeue();
                if (cpe.ScheduledWakeTicks == dueTicks)
                {
                    cpe.ScheduledWakeTicks = 0;
                    (due ??= []).Add(cpe);
                }
            }

            if (_queue.TryPeek(out _, out long next))
            {
                Arm(next);
            }

            Wakes += due?.Count ?? 0;
        }

        if (due is not null)
        {
            foreach (SimulatedCpe cpe in due)
            {
                _wake(cpe);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _queue.Clear();
        }

        _timer.Dispose();
    }
}
