namespace Cwmp.Grains.Sessions;

/// <summary>
/// The open sessions from one remote address (see <see cref="ISessionLocatorGrain"/>). Held in memory only: losing
/// it costs at most a rejected POST from a CPE that already dropped its cookie and its connection, after which the
/// CPE starts a new session with an Inform, which needs no lookup.
/// </summary>
internal sealed class SessionLocatorGrain : Grain, ISessionLocatorGrain
{
    private readonly Dictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public SessionLocatorGrain(TimeProvider time) => _time = time;

    public Task RegisterAsync(string deviceKey, string sessionId, TimeSpan lifetime)
    {
        _sessions[deviceKey] = new Entry(sessionId, _time.GetUtcNow() + lifetime);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string deviceKey, string sessionId)
    {
        if (_sessions.TryGetValue(deviceKey, out Entry? entry) && entry.SessionId == sessionId)
        {
            _sessions.Remove(deviceKey);
        }

        if (_sessions.Count == 0)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    public Task<SessionLocation> FindAsync()
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (string expired in _sessions.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
        {
            _sessions.Remove(expired);
        }

        return Task.FromResult(_sessions.Count switch
        {
            0 => SessionLocation.None,
            1 => _sessions.Select(s => new SessionLocation(SessionLocationStatus.Found, s.Key, s.Value.SessionId, 1)).Single(),
            int n => new SessionLocation(SessionLocationStatus.Ambiguous, null, null, n),
        });
    }

    private sealed record Entry(string SessionId, DateTimeOffset ExpiresAt);
}
