using Microsoft.Extensions.Options;

namespace Cwmp.Gateway.Sessions;

/// <summary>
/// The sessions this gateway knows of: the ones it admitted (counted against
/// <see cref="CwmpGatewayOptions.MaxConcurrentSessions"/>: a session is admitted at its Inform and leaves at its end
/// or after its timeout of silence) and the ones it only served a POST of (admitted by another gateway; tracked for the
/// locator refresh only). Requests are never counted: POSTs of a session in progress are always served.
/// </summary>
internal sealed class SessionTable(IOptionsMonitor<CwmpGatewayOptions> options, TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _admitted;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>Sessions admitted here and not ended or timed out (as of the last sweep).</summary>
    public int AdmittedSessions
    {
        get
        {
            lock (_gate)
            {
                return _admitted;
            }
        }
    }

    /// <summary>
    /// Takes a slot for the session an Inform opens. A device that already holds one keeps it (a new Inform replaces
    /// its old session). False when the gateway is full.
    /// </summary>
    public bool TryAdmit(string deviceKey, TimeSpan? requestedTimeout)
    {
        CwmpGatewayOptions settings = options.CurrentValue;
        DateTimeOffset now = time.GetUtcNow();
        TimeSpan timeout = requestedTimeout is { } asked && asked > settings.SessionTimeout
            ? (asked < settings.MaxSessionTimeout ? asked : settings.MaxSessionTimeout)
            : settings.SessionTimeout;
        lock (_gate)
        {
            SweepIfDue(now, force: false);
            if (_entries.TryGetValue(deviceKey, out Entry? entry) && entry.Admitted && !entry.IsExpired(now))
            {
                entry.Touch(now, timeout);
                return true;
            }

            if (settings.MaxConcurrentSessions > 0 && _admitted >= settings.MaxConcurrentSessions)
            {
                SweepIfDue(now, force: true);
                if (_admitted >= settings.MaxConcurrentSessions)
                {
                    return false;
                }
            }

            // The sweep may have dropped the device's expired entry: look again.
            if (!_entries.TryGetValue(deviceKey, out entry))
            {
                entry = new Entry();
                _entries[deviceKey] = entry;
            }

            if (!entry.Admitted)
            {
                entry.Admitted = true;
                _admitted++;
            }

            entry.SessionId = null;
            entry.LocatorRegisteredAt = null;
            entry.Touch(now, timeout);
            return true;
        }
    }

    /// <summary>
    /// Records a reply of the session. Returns true when the locator registration should be (re)written: the session is
    /// new here, or its registration is older than half the locator's time to live.
    /// </summary>
    public bool Seen(string deviceKey, string sessionId)
    {
        CwmpGatewayOptions settings = options.CurrentValue;
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            SweepIfDue(now, force: false);
            if (!_entries.TryGetValue(deviceKey, out Entry? entry))
            {
                entry = new Entry();
                _entries[deviceKey] = entry;
                entry.Touch(now, settings.SessionTimeout);
            }

            entry.LastSeen = now;
            if (entry.SessionId != sessionId)
            {
                entry.SessionId = sessionId;
                entry.LocatorRegisteredAt = null;
            }

            if (entry.LocatorRegisteredAt is { } registered && now - registered < settings.SessionLocatorTtl / 2)
            {
                return false;
            }

            entry.LocatorRegisteredAt = now;
            return true;
        }
    }

    /// <summary>The session ended (or its Inform failed): its slot, if any, is free again.</summary>
    public void Remove(string deviceKey)
    {
        lock (_gate)
        {
            if (_entries.Remove(deviceKey, out Entry? entry) && entry.Admitted)
            {
                _admitted--;
            }
        }
    }

    private void SweepIfDue(DateTimeOffset now, bool force)
    {
        if (!force && now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        List<string>? expired = null;
        foreach ((string key, Entry entry) in _entries)
        {
            if (entry.IsExpired(now))
            {
                (expired ??= []).Add(key);
            }
        }

        foreach (string key in expired ?? [])
        {
            if (_entries.Remove(key, out Entry? entry) && entry.Admitted)
            {
                _admitted--;
            }
        }
    }

    private sealed class Entry
    {
        public bool Admitted { get; set; }

        public string? SessionId { get; set; }

        public DateTimeOffset LastSeen { get; set; }

        public TimeSpan Timeout { get; private set; }

        public DateTimeOffset? LocatorRegisteredAt { get; set; }

        public bool IsExpired(DateTimeOffset now) => now - LastSeen > Timeout;

        public void Touch(DateTimeOffset now, TimeSpan timeout)
        {
            LastSeen = now;
            Timeout = timeout;
        }
    }
}
