namespace Cwmp.ConnectionRequests;

/// <summary>
/// At most one connection request per device per interval (catawampus allows one a minute and drops the rest).
/// Memory is bounded: entries live in a list ordered by the time they were taken, so expired ones are dropped from
/// its head in passing, and at capacity the oldest one goes even if it has not expired yet.
/// </summary>
internal sealed class ConnectionRequestThrottle(TimeProvider timeProvider, TimeSpan minimumInterval, int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byAge = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Takes the device's slot; false when the last one is less than the interval old. The returned stamp releases
    /// the slot again when nothing was sent.
    /// </summary>
    public bool TryAcquire(string deviceKey, out long stamp)
    {
        if (minimumInterval <= TimeSpan.Zero)
        {
            stamp = timeProvider.GetTimestamp();
            return true;
        }

        lock (_lock)
        {
            // Taken under the lock so that the list stays in stamp order.
            stamp = timeProvider.GetTimestamp();
            DropExpired(stamp);
            if (_entries.ContainsKey(deviceKey))
            {
                // Unexpired, or DropExpired would have removed it.
                return false;
            }

            if (_entries.Count >= capacity)
            {
                _entries.Remove(_byAge.First!.Value.DeviceKey);
                _byAge.RemoveFirst();
            }

            _entries.Add(deviceKey, _byAge.AddLast(new Entry(deviceKey, stamp)));
            return true;
        }
    }

    /// <summary>Gives the slot back, if it is still the one <paramref name="stamp"/> took.</summary>
    public void Release(string deviceKey, long stamp)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(deviceKey, out LinkedListNode<Entry>? node) && node.Value.Stamp == stamp)
            {
                _entries.Remove(deviceKey);
                _byAge.Remove(node);
            }
        }
    }

    private void DropExpired(long now)
    {
        while (_byAge.First is { } oldest && timeProvider.GetElapsedTime(oldest.Value.Stamp, now) >= minimumInterval)
        {
            _entries.Remove(oldest.Value.DeviceKey);
            _byAge.RemoveFirst();
        }
    }

    private readonly record struct Entry(string DeviceKey, long Stamp);
}
