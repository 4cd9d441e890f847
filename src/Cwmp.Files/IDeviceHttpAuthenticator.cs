using Microsoft.AspNetCore.Http;

namespace Cwmp.Files;

/// <summary>
/// Checks the HTTP Basic or Digest credentials a CPE presents on the file port against the credentials the CWMP
/// endpoint accepts from it (the gateway implements this with its own authenticator). Registered: a URL without a
/// signature is answered with a 401 challenge, so that a campaign can hand out one URL that never expires. Not
/// registered: only signed URLs are accepted.
/// </summary>
public interface IDeviceHttpAuthenticator
{
    /// <summary>
    /// Authenticates the request from its headers only. With <paramref name="deviceKey"/>, the credentials must be the
    /// ones of that device (an upload to its folder); without, those of any device (a download).
    /// </summary>
    ValueTask<DeviceHttpAuthentication> AuthenticateAsync(HttpContext context, string? deviceKey, CancellationToken cancellationToken);

    /// <summary>Adds the WWW-Authenticate challenges of a 401 (<paramref name="stale"/>: the nonce expired, the password was right).</summary>
    void WriteChallenge(HttpResponse response, bool stale);
}

/// <summary>What <see cref="IDeviceHttpAuthenticator"/> found.</summary>
/// <param name="Outcome">Whether the request may go on, must be challenged, or is refused.</param>
/// <param name="DeviceKey">The device the client proved to be (null when anonymous or refused).</param>
/// <param name="Failure">Why not, for the log (never a secret).</param>
/// <param name="Username">The username the client presented, if any, for the log.</param>
/// <param name="Stale">On a challenge: the client knew the password but its Digest nonce expired.</param>
public sealed record DeviceHttpAuthentication(DeviceHttpAuthenticationOutcome Outcome, string? DeviceKey, string? Failure = null, string? Username = null, bool Stale = false);

/// <summary>The three ends of <see cref="IDeviceHttpAuthenticator.AuthenticateAsync"/>.</summary>
public enum DeviceHttpAuthenticationOutcome
{
    /// <summary>The client proved to be <see cref="DeviceHttpAuthentication.DeviceKey"/>.</summary>
    Authenticated = 0,

    /// <summary>CPE authentication is off (Cwmp:Auth:Required=false, a lab): served without credentials, as the CWMP endpoint is.</summary>
    Anonymous = 1,

    /// <summary>No or wrong credentials: 401 with a challenge.</summary>
    Challenge = 2,

    /// <summary>Right credentials of another device than the URL's: 403.</summary>
    Forbidden = 3,
}
