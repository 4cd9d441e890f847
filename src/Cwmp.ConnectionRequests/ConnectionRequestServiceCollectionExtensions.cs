using Cwmp.ConnectionRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the connection request client.</summary>
public static class ConnectionRequestServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConnectionRequestClient"/> (a singleton) with <see cref="ConnectionRequestOptions"/> bound from
    /// the section "Cwmp:ConnectionRequests" of <paramref name="configuration"/> and validated when the host starts
    /// (and on first use without a host).
    /// </summary>
    public static IServiceCollection AddCwmpConnectionRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectionRequestOptions>()
            .Bind(configuration.GetSection(ConnectionRequestOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectionRequestOptions>, ConnectionRequestOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<ConnectionRequestMetrics>();
        services.TryAddSingleton<IConnectionRequestClient, ConnectionRequestClient>();
        return services;
    }
}
