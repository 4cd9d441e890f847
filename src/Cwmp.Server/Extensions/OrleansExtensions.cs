using System.Net;
using Cwmp.Server.Configuration;
using Cwmp.Grains;
using Cwmp.Server.ConnectionRequests;
using Cwmp.Server.Diagnostics;
using Cwmp.Server.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
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
                silo.AddRedisGrainStorage(CwmpStorageNames.Devices, options => options.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(CwmpStorageNames.Campaigns, options => options.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(CwmpStorageNames.Provisioning, options => options.ConfigurationOptions = redis.Clone());
                silo.UseRedisReminderService(options => options.ConfigurationOptions = redis.Clone());
                silo.AddActivityPropagation();
                silo.Services.AddSerializer(serializer => serializer.AddCwmpProtocolTypes());
            });
            AddDeviceGrainServices(builder, redis);
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
                client.Services.AddSerializer(serializer => serializer.AddCwmpProtocolTypes());
            });
        }

        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The device grains with their parameter trees in the same store as grain state, and connection requests sent
    /// by this silo (the grain that decides to wake a CPE runs here, so the request leaves from here too).
    /// </summary>
    /// <summary>Session timeout, attempts per task and the other device-grain settings (<see cref="DeviceGrainOptions"/>).</summary>
    public const string DeviceGrainOptionsSection = "Cwmp:Devices";

    /// <summary>Shard-worker tick, poll and report intervals and page sizes (<see cref="CampaignOptions"/>).</summary>
    public const string CampaignOptionsSection = "Cwmp:Campaigns";

    private static void AddDeviceGrainServices(WebApplicationBuilder builder, ConfigurationOptions redis)
    {
        var services = builder.Services;
        services.AddCwmpConnectionRequests(builder.Configuration);
        // Registered before AddCwmpGrains, whose fallback requester sends nothing.
        services.AddSingleton<IConnectionRequester, ConnectionRequesterAdapter>();
        services.AddCwmpGrains();
        services.Configure<DeviceGrainOptions>(builder.Configuration.GetSection(DeviceGrainOptionsSection));
        services.Configure<CampaignOptions>(builder.Configuration.GetSection(CampaignOptionsSection));
        services.Configure<ProvisioningOptions>(builder.Configuration.GetSection(ProvisioningOptions.SectionName));
        services.AddRedisParameterStore();

        // Opened while the host starts, after the embedded store (a hosted service registered before this one), not
        // on a device grain's first activation (see ParameterStoreConnection). AbortOnConnectFail=false lets a briefly
        // absent Redis reconnect.
        var parameterStore = redis.Clone();
        parameterStore.AbortOnConnectFail = false;
        parameterStore.ClientName = "cwmp-parameters";
        services.AddSingleton(sp => new ParameterStoreConnection(parameterStore, sp.GetRequiredService<ILogger<ParameterStoreConnection>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ParameterStoreConnection>());
        services.AddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<ParameterStoreConnection>().Multiplexer);
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
