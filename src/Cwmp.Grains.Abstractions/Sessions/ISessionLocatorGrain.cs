namespace Cwmp.Grains;

/// <summary>
/// The devices with an open CWMP session from one remote address (key = the IP address as the gateway saw it), for the
/// last fallback of ADR 0003: a POST with no cookie, on a new connection, with authentication off. In memory only;
/// each entry lives for the session timeout and is refreshed by every POST of the session.
/// </summary>
[Alias("cwmp.ISessionLocatorGrain")]
public interface ISessionLocatorGrain : IGrainWithStringKey
{
    /// <summary>Records (or refreshes) an open session of a device from this address for <paramref name="lifetime"/>.</summary>
    [Alias("Register")]
    Task RegisterAsync(string deviceKey, string sessionId, TimeSpan lifetime);

    /// <summary>Forgets the session (when it ends); a different session id of the same device is left alone.</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(string deviceKey, string sessionId);

    /// <summary>The one open session from this address; <see cref="SessionLocationStatus.Ambiguous"/> when several are.</summary>
    [Alias("Find")]
    Task<SessionLocation> FindAsync();
}
