using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Cwmp.Gateway.Sessions;

/// <summary>
/// What this gateway remembers about one TCP connection for as long as it lives: the identity it authenticated (CPEs
/// that authenticate once per connection) and the session of its last reply (CPEs that drop cookies but keep the
/// connection). Kept in the connection's items, so it dies with the connection.
/// </summary>
internal sealed class ConnectionSessionState
{
    private static readonly object ItemKey = new();

    private volatile ConnectionSession? _session;
    private volatile string? _authenticatedAs;

    /// <summary>The device key this connection authenticated as, if any.</summary>
    public string? AuthenticatedAs
    {
        get => _authenticatedAs;
        set => _authenticatedAs = value;
    }

    /// <summary>The session of the last reply on this connection.</summary>
    public ConnectionSession? Session => _session;

    /// <summary>The state of the request's connection; null when the server offers no per-connection items.</summary>
    public static ConnectionSessionState? Of(HttpContext context)
    {
        IDictionary<object, object?>? items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is null)
        {
            return null;
        }

        // HTTP/2 streams of one connection run concurrently; the items dictionary is not thread-safe.
        lock (items)
        {
            if (items.TryGetValue(ItemKey, out object? existing) && existing is ConnectionSessionState state)
            {
                return state;
            }

            state = new ConnectionSessionState();
            items[ItemKey] = state;
            return state;
        }
    }

    public void Remember(string deviceKey, string sessionId, string remoteAddress) =>
        _session = new ConnectionSession(deviceKey, sessionId, remoteAddress);
}

/// <summary>The device and session a connection last carried, and the address it came from.</summary>
internal sealed record ConnectionSession(string DeviceKey, string SessionId, string RemoteAddress);
