using Cwmp.Gateway.Diagnostics;
using Cwmp.Grains;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.Gateway.Sessions;

/// <summary>
/// Calls <see cref="ISessionLocatorGrain"/> (key = remote address). The locator is a fallback: when it fails the POST
/// goes on without it and the failure is logged.
/// </summary>
internal sealed class SessionLocatorClient(IGrainFactory grains, IOptionsMonitor<CwmpGatewayOptions> options, ILogger<SessionLocatorClient> logger)
{
    public bool Enabled => options.CurrentValue.UseSessionLocator;

    /// <summary>The one open session at the address; null when there is none, several (never guess), or the lookup failed.</summary>
    public async Task<SessionLocation?> FindAsync(string remoteAddress)
    {
        try
        {
            SessionLocation found = await grains.GetGrain<ISessionLocatorGrain>(remoteAddress).FindAsync().ConfigureAwait(false);
            return found.Status == SessionLocationStatus.Found ? found : null;
        }
        catch (Exception e)
        {
            logger.LocatorFailed(e, remoteAddress, "find");
            return null;
        }
    }

    public async Task RegisterAsync(string remoteAddress, string deviceKey, string sessionId)
    {
        try
        {
            await grains.GetGrain<ISessionLocatorGrain>(remoteAddress).RegisterAsync(deviceKey, sessionId, options.CurrentValue.SessionLocatorTtl).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LocatorFailed(e, remoteAddress, "register");
        }
    }

    public async Task UnregisterAsync(string remoteAddress, string deviceKey, string sessionId)
    {
        try
        {
            await grains.GetGrain<ISessionLocatorGrain>(remoteAddress).UnregisterAsync(deviceKey, sessionId).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LocatorFailed(e, remoteAddress, "unregister");
        }
    }
}
