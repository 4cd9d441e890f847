using Cwmp.Files;
using Microsoft.AspNetCore.Http;

namespace Cwmp.Gateway.Authentication;

/// <summary>
/// The file port's device authentication (<see cref="IDeviceHttpAuthenticator"/>) is the CWMP endpoint's own: the same
/// <see cref="CpeAuthenticator"/>, credential store, nonces, realm and Basic policy, so a CPE proves itself to both
/// ports with one username and password. There is no connection to remember an identity on: every request carries it.
/// </summary>
internal sealed class FilePortDeviceAuthenticator(CpeAuthenticator authenticator) : IDeviceHttpAuthenticator
{
    public async ValueTask<DeviceHttpAuthentication> AuthenticateAsync(HttpContext context, string? deviceKey, CancellationToken cancellationToken)
    {
        AuthenticationResult result = await authenticator.AuthenticateAsync(context, connection: null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return new DeviceHttpAuthentication(DeviceHttpAuthenticationOutcome.Challenge, null, result.Failure, result.Username, result.Stale);
        }

        if (result.DeviceKey is not { } authenticated)
        {
            return new DeviceHttpAuthentication(DeviceHttpAuthenticationOutcome.Anonymous, null);
        }

        return deviceKey is null || DeviceIdentity.Matches(authenticated, deviceKey)
            ? new DeviceHttpAuthentication(DeviceHttpAuthenticationOutcome.Authenticated, authenticated, Username: authenticated)
            : new DeviceHttpAuthentication(DeviceHttpAuthenticationOutcome.Forbidden, null, $"authenticated as {authenticated}", authenticated);
    }

    public void WriteChallenge(HttpResponse response, bool stale) => authenticator.WriteChallenge(response, response.HttpContext.Request.IsHttps, stale);
}
