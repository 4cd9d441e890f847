using Cwmp.Grains.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the device grains need in a silo.</summary>
public static class CwmpGrainsServiceCollectionExtensions
{
    /// <summary>
    /// The grains' services: the protocol codec, options, metrics, the time source and, unless one is registered,
    /// a connection requester that sends nothing. A parameter store must be added too
    /// (<see cref="AddRedisParameterStore"/> or <see cref="AddInMemoryParameterStore"/>), and grain storage named
    /// <see cref="Cwmp.Grains.CwmpStorageNames.Devices"/>.
    /// </summary>
    public static IServiceCollection AddCwmpGrains(this IServiceCollection services, Action<Cwmp.Grains.DeviceGrainOptions>? configure = null)
    {
        services.AddSerializer(builder => builder.AddCwmpProtocolTypes());
        OptionsBuilder<Cwmp.Grains.DeviceGrainOptions> options = services.AddOptions<Cwmp.Grains.DeviceGrainOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeviceGrainMetrics>();
        services.AddOptions<Cwmp.Grains.CampaignOptions>();
        services.TryAddSingleton<Cwmp.Grains.Campaigns.CampaignMetrics>();
        services.TryAddSingleton<Cwmp.Grains.IConnectionRequester, Cwmp.Grains.DisabledConnectionRequester>();
        services.AddCwmpProvisioning();
        return services;
    }

    /// <summary>
    /// Presets, first contact and subscribers (docs/provisioning.md): the silo's preset copy, the options (section
    /// "Cwmp:Provisioning" when the host binds it) and the BBF catalog, loaded on first use from
    /// <see cref="Cwmp.Grains.ProvisioningOptions.DataModelFolder"/>. Grain storage named
    /// <see cref="Cwmp.Grains.CwmpStorageNames.Provisioning"/> must be registered.
    /// </summary>
    public static IServiceCollection AddCwmpProvisioning(this IServiceCollection services, Action<Cwmp.Grains.ProvisioningOptions>? configure = null)
    {
        OptionsBuilder<Cwmp.Grains.ProvisioningOptions> options = services.AddOptions<Cwmp.Grains.ProvisioningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<Cwmp.Grains.Provisioning.PresetSnapshotCache>();
        services.TryAddSingleton<Cwmp.Grains.Provisioning.ProvisioningMetrics>();
        services.TryAddSingleton<Cwmp.Grains.Provisioning.ProvisioningServices>();
        services.TryAddSingleton(sp => Cwmp.DataModel.DataModelCatalog.Load(sp.GetRequiredService<IOptions<Cwmp.Grains.ProvisioningOptions>>().Value.DataModelFolder));
        return services;
    }

    /// <summary>Parameter trees in Redis (or Valkey, Garnet); an <c>IConnectionMultiplexer</c> must be registered.</summary>
    public static IServiceCollection AddRedisParameterStore(this IServiceCollection services, Action<Cwmp.Grains.RedisParameterStoreOptions>? configure = null)
    {
        OptionsBuilder<Cwmp.Grains.RedisParameterStoreOptions> options = services.AddOptions<Cwmp.Grains.RedisParameterStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.RemoveAll<Cwmp.Grains.IParameterStore>();
        services.AddSingleton<Cwmp.Grains.IParameterStore, Cwmp.Grains.RedisParameterStore>();
        services.RemoveAll<Cwmp.Grains.IValueHistoryStore>();
        services.AddSingleton<Cwmp.Grains.IValueHistoryStore, Cwmp.Grains.RedisValueHistoryStore>();
        return services;
    }

    /// <summary>Parameter trees in process memory (tests, single-node development): lost when the process ends.</summary>
    public static IServiceCollection AddInMemoryParameterStore(this IServiceCollection services)
    {
        services.RemoveAll<Cwmp.Grains.IParameterStore>();
        services.AddSingleton<Cwmp.Grains.InMemoryParameterStore>();
        services.AddSingleton<Cwmp.Grains.IParameterStore>(sp => sp.GetRequiredService<Cwmp.Grains.InMemoryParameterStore>());
        services.RemoveAll<Cwmp.Grains.IValueHistoryStore>();
        services.AddSingleton<Cwmp.Grains.IValueHistoryStore, Cwmp.Grains.InMemoryValueHistoryStore>();
        return services;
    }
}
