using System.Text.Json.Serialization;
using Cwmp.Nbi;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Diagnostics;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the northbound REST API. The host provides an <c>IGrainFactory</c> and a StackExchange.Redis <c>IConnectionMultiplexer</c>.</summary>
public static class NbiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the NBI's services, configured from the section "Cwmp:Nbi" of <paramref name="configuration"/> (the
    /// application's root configuration): API keys, lab mode, the longest wait, the audit store. An
    /// <see cref="IAuditLog"/> registered before this call replaces the Redis one. An <c>IDeviceIndex</c> registered
    /// by the host serves GET /devices; without one that endpoint answers 503.
    /// </summary>
    public static IServiceCollection AddCwmpNbi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NbiOptions>().Bind(configuration.GetSection(NbiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NbiOptions>, NbiOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<NbiMetrics>();
        services.TryAddSingleton<NbiExceptionFilter>();
        services.TryAddSingleton<IAuditLog, RedisAuditLog>();
        services.AddHostedService<NbiStartupReport>();
        Cwmp.Nbi.Presets.ProvisioningNbiServiceCollectionExtensions.AddNbiProvisioning(services, configuration);

        // No default scheme: the CWMP endpoint of the same host never runs the API key handler.
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
            NbiAuthentication.Scheme, _ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, NbiRoleHandler>());
        services.AddAuthorizationBuilder()
            .AddPolicy(NbiAuthentication.PolicyFor(NbiRole.Viewer), Policy(NbiRole.Viewer))
            .AddPolicy(NbiAuthentication.PolicyFor(NbiRole.Operator), Policy(NbiRole.Operator))
            .AddPolicy(NbiAuthentication.PolicyFor(NbiRole.Admin), Policy(NbiRole.Admin));

        services.Configure<JsonOptions>(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(NbiEndpointRouteBuilderExtensions.DocumentName, openApi =>
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true);
        return services;
    }

    private static Action<AuthorizationPolicyBuilder> Policy(NbiRole role) => policy => policy
        .AddAuthenticationSchemes(NbiAuthentication.Scheme)
        .RequireAuthenticatedUser()
        .AddRequirements(new NbiRoleRequirement(role));
}
