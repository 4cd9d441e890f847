using Cwmp.Gateway;
using Cwmp.Gateway.Authentication;
using Cwmp.Gateway.Diagnostics;
using Cwmp.Gateway.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CWMP gateway. The host provides an <c>IGrainFactory</c> (an Orleans client or a co-hosted silo).</summary>
public static class CwmpGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services of the CWMP endpoint, configured from the sections "Cwmp:Gateway" and "Cwmp:Auth" of
    /// <paramref name="configuration"/> (the application's root configuration). An <see cref="ICpeCredentialStore"/>
    /// registered before this call replaces the configuration-backed one. The file port (Cwmp.Files) authenticates
    /// devices with the same credentials, through the <see cref="Cwmp.Files.IDeviceHttpAuthenticator"/> added here.
    /// </summary>
    public static IServiceCollection AddCwmpGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CwmpGatewayOptions>()
            .Bind(configuration.GetSection(CwmpGatewayOptions.SectionName))
            .Validate(o => o.MaxBodyBytes > 0, "Cwmp:Gateway:MaxBodyBytes must be positive.")
            .Validate(o => o.RetryAfter >= TimeSpan.Zero && o.RetryAfterJitter >= TimeSpan.Zero, "Cwmp:Gateway:RetryAfter and RetryAfterJitter must not be negative.")
            .Validate(o => o.SessionTimeout > TimeSpan.Zero && o.SessionLocatorTtl > TimeSpan.Zero, "Cwmp:Gateway:SessionTimeout and SessionLocatorTtl must be positive.")
            .ValidateOnStart();
        services.AddOptions<CwmpAuthOptions>()
            .Bind(configuration.GetSection(CwmpAuthOptions.SectionName))
            .Validate(o => !string.IsNullOrEmpty(o.Realm) && !o.Realm.Contains('"', StringComparison.Ordinal), "Cwmp:Auth:Realm must be set and hold no quote.")
            .Validate(o => o.DigestAlgorithm is "MD5" or "MD5-sess", "Cwmp:Auth:DigestAlgorithm must be MD5 or MD5-sess.")
            .Validate(o => o.NonceLifetime > TimeSpan.Zero, "Cwmp:Auth:NonceLifetime must be positive.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICpeCredentialStore, ConfigurationCpeCredentialStore>();
        services.TryAddSingleton<DigestNonceService>();
        services.TryAddSingleton<CpeAuthenticator>();
        services.TryAddSingleton<Cwmp.Files.IDeviceHttpAuthenticator, FilePortDeviceAuthenticator>();
        services.TryAddSingleton<SessionTable>();
        services.TryAddSingleton<SessionLocatorClient>();
        services.TryAddSingleton<SessionResolver>();
        services.TryAddSingleton<RetryAfterPolicy>();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton<CwmpRequestHandler>();
        return services;
    }
}
