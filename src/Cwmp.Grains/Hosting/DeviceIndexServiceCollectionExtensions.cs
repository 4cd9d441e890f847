using Cwmp.Grains.Index;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the device index (and the campaign services that use it).</summary>
public static class DeviceIndexServiceCollectionExtensions
{
    /// <summary>
    /// The device index in Redis (<see cref="RedisDeviceIndex"/>) as <see cref="IDeviceIndex"/>; an
    /// <c>IConnectionMultiplexer</c> and a <see cref="TimeProvider"/> must be registered. Settings are validated at
    /// start-up.
    /// </summary>
    public static IServiceCollection AddRedisDeviceIndex(this IServiceCollection services, Action<DeviceIndexOptions>? configure = null)
    {
        OptionsBuilder<DeviceIndexOptions> options = services.AddOptions<DeviceIndexOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IDeviceIndex>();
        services.AddSingleton<IDeviceIndex, RedisDeviceIndex>();
        return services;
    }
}
