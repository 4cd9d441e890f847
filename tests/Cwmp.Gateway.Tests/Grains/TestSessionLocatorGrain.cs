using Cwmp.Grains;

namespace Cwmp.Gateway.Tests.Grains;

/// <summary>A minimal locator: the open sessions of one address, answered only when there is exactly one.</summary>
public sealed class TestSessionLocatorGrain : Grain, ISessionLocatorGrain
{
    private readonly Dictionary<string, (string SessionId, DateTimeOffset Until)> _open = new(StringComparer.Ordinal);

    public Task RegisterAsync(string deviceKey, string sessionId, TimeSpan lifetime)
    {
        _open[deviceKey] = (sessionId, DateTimeOffset.UtcNow + lifetime);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string deviceKey, string sessionId)
    {
        if (_open.TryGetValue(deviceKey, out var open) && open.SessionId == sessionId)
        {
            _open.Remove(deviceKey);
        }

        return Task.CompletedTask;
    }

    public Task<SessionLocation> FindAsync()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        foreach (string expired in _open.Where(e => e.Value.Until < now).Select(e => e.Key).ToList())
        {
            _open.Remove(expired);
        }

        return Task.FromResult(_open.Count switch
        {
            0 => SessionLocation.None,
            1 => new SessionLocation(SessionLocationStatus.Found, _open.First().Key, _open.First().Value.SessionId, 1),
            _ => new SessionLocation(SessionLocationStatus.Ambiguous, null, null, _open.Count),
        });
    }
}
