using System.Net;
using Cwmp.Server.Configuration;
using Cwmp.Server.Diagnostics;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Cwmp.Server.Extensions;

internal static class OrleansExtensions
{
    /// <summary>
    /// A silo (optionally also serving HTTP) or, for a gateway-only process, an Orleans client that finds the
    /// silos through the same Redis clustering table.
    /// </summary>
    public static WebApplicationBuilder AddCwmpOrleans(
        this WebApplicationBuilder builder, ServerRoles roles, ClusterSettings cluster, StorageOptions storage, StorageConnection connection)
    {
        var redis = ConfigurationOptions.Parse(connection.ConnectionString);
        if (roles.HasFlag(ServerRoles.Silo))
        {
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options => Apply(options, cluster));
                var advertised = AdvertisedAddress(cluster, storage);
                if (advertised is null)
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }

                silo.UseRedisClustering(options => options.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorageAsDefault(options => options.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(StorageNames.Diagnostics, options =>
                {
                    options.ConfigurationOptions = redis.Clone();
                    options.EntryExpiry = StorageNames.DiagnosticsExpiry;
                });
                silo.UseRedisReminderService(options => options.ConfigurationOptions = redis.Clone());
                silo.AddActivityPropagation();
            });
            builder.Services.AddHealthChecks()
                .AddCheck<SiloStatusHealthCheck>("silo", tags: [ServiceDefaultsExtensions.ReadyTag]);
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options => Apply(options, cluster));
                client.UseRedisClustering(options => options.ConfigurationOptions = redis.Clone());
                client.AddActivityPropagation();
            });
        }

        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    private static void Apply(ClusterOptions options, ClusterSettings cluster)
    {
        options.ClusterId = cluster.ClusterId;
        options.ServiceId = cluster.ServiceId;
    }

    private static IPAddress? AdvertisedAddress(ClusterSettings cluster, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedIPAddress))
        {
            return IPAddress.Parse(cluster.AdvertisedIPAddress);
        }

        // An embedded store lives and dies with this one process, so no other silo can ever join it.
        return storage.Mode == StorageMode.Embedded ? IPAddress.Loopback : null;
    }
}
