namespace Cwmp.Gateway.Authentication;

/// <summary>The outcome of authenticating one POST.</summary>
/// <param name="Succeeded">True when the POST may go on (authenticated, or lab mode).</param>
/// <param name="DeviceKey">The device the client proved to be; null in lab mode or on failure.</param>
/// <param name="Stale">On failure: the client knew the password but its nonce expired (challenge with stale=true).</param>
/// <param name="Failure">On failure: why, for the log.</param>
/// <param name="Username">The username the client presented, if any, for the log.</param>
internal sealed record AuthenticationResult(bool Succeeded, string? DeviceKey, bool Stale = false, string? Failure = null, string? Username = null)
{
    public static AuthenticationResult Anonymous { get; } = new(true, null);

    public static AuthenticationResult Authenticated(string deviceKey) => new(true, deviceKey);

    public static AuthenticationResult Challenge(string failure, string? username = null, bool stale = false) =>
        new(false, null, stale, failure, username);
}
