using Cwmp.Gateway.Authentication;
using Cwmp.Grains;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Gateway.Sessions;

/// <summary>
/// Finds the device and session of a POST that is not an Inform (ADR 0003): the session cookie, then the connection,
/// then the authenticated identity, then the locator by remote address. Never guesses: null when nothing is sure.
/// </summary>
internal sealed class SessionResolver(SessionLocatorClient locator)
{
    public async ValueTask<ResolvedSession?> ResolveAsync(HttpContext context, ConnectionSessionState? connection, string remoteAddress, string? authenticatedAs)
    {
        if (SessionCookie.TryRead(context.Request.Headers[HeaderNames.Cookie], out string cookieKey, out string cookieSession))
        {
            return new ResolvedSession(cookieKey, cookieSession, SessionSource.Cookie);
        }

        // The connection's address is checked too, in case a proxy reuses one upstream connection for several clients.
        if (connection?.Session is { } known && known.RemoteAddress == remoteAddress)
        {
            return new ResolvedSession(known.DeviceKey, known.SessionId, SessionSource.Connection);
        }

        SessionLocation? located = locator.Enabled ? await locator.FindAsync(remoteAddress).ConfigureAwait(false) : null;
        if (authenticatedAs is not null && DeviceIdentity.IsFullKey(authenticatedAs))
        {
            // The identity names the grain; the locator may still know the session id.
            return new ResolvedSession(
                authenticatedAs,
                located?.DeviceKey == authenticatedAs ? located.SessionId : null,
                SessionSource.Identity);
        }

        return located is { DeviceKey: { } deviceKey } ? new ResolvedSession(deviceKey, located.SessionId, SessionSource.Locator) : null;
    }
}
