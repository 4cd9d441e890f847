using Cwmp.Grains.Index;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Cwmp.Server.Extensions;

internal static class IndexExtensions
{
    /// <summary>
    /// The device index (settings from <see cref="DeviceIndexOptions.SectionName"/>) on every role: the device grains
    /// write it on silos, the NBI reads it wherever it runs. A gateway-only process gets its own Redis connection for
    /// it (a silo has one already, shared with the parameter store).
    /// </summary>
    public static WebApplicationBuilder AddCwmpDeviceIndex(this WebApplicationBuilder builder, StorageConnection connection)
    {
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connection.ConnectionString);
            options.AbortOnConnectFail = false;
            options.ClientName = "cwmp-index";
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddRedisDeviceIndex();
        builder.Services.Configure<DeviceIndexOptions>(builder.Configuration.GetSection(DeviceIndexOptions.SectionName));
        return builder;
    }
}
