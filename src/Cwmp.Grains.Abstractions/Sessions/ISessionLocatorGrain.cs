namespace Cwmp.Grains;

/// <summary>
/// The last fallback a gateway has for finding the device of a POST that carries no cookie, arrives on a new
/// connection and is not authenticated (ADR 0003): the devices with an open session from one remote address. The key
/// is the remote IP address as the gateway saw it.
/// </summary>
[Alias("cwmp.ISessionLocatorGrain")]
public interface ISessionLocatorGrain : IGrainWithStringKey
{
    /// <summary>Remembers (or refreshes) the open session of <paramref name="deviceKey"/> at this address for <paramref name="ttl"/>.</summary>
    [Alias("Register")]
    Task RegisterAsync(string deviceKey, string sessionId, TimeSpan ttl);

    /// <summary>Forgets the device's session at this address (its session ended).</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(string deviceKey);

    /// <summary>
    /// The open session at this address when there is exactly one; null when there is none or several (behind
    /// carrier-grade NAT a guess could mix devices).
    /// </summary>
    [Alias("Find")]
    Task<SessionLocation?> FindAsync();
}
