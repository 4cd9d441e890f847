using Cwmp.Grains.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo shared by the grain tests (starting one costs seconds): in-memory grain storage of serialized
/// records, the in-memory
/// parameter store, a fake clock that also drives the grain timers, and a fake connection requester. Tests use their
/// own device keys, so they do not see each other's devices; they run one after another (one collection).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly RedisServerFixture _redis = new();
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    private const string RedisConnectionKey = "TestRedis";

    private const string FirstContactKey = "TestFirstContact";

    /// <summary>Whether a "0 BOOTSTRAP" device gets first-contact provisioning and discovery (off for the tests of other things).</summary>
    protected virtual bool FirstContact => false;

    public IGrainFactory Grains => Cluster.Client;

    public Cwmp.Grains.Index.IDeviceIndex Index => SiloServices.GetRequiredService<Cwmp.Grains.Index.IDeviceIndex>();

    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public FakeTimeProvider Time => SiloServices.GetRequiredService<FakeTimeProvider>();

    public InMemoryParameterStore Parameters => SiloServices.GetRequiredService<InMemoryParameterStore>();

    public FakeConnectionRequester ConnectionRequester => SiloServices.GetRequiredService<FakeConnectionRequester>();

    internal DeviceGrainMetrics Metrics => SiloServices.GetRequiredService<DeviceGrainMetrics>();

    public async Task InitializeAsync()
    {
        // A real redis-server behind the device index, so that the device grains and the campaigns use the real one.
        await _redis.InitializeAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties[RedisConnectionKey] = _redis.Connection.Configuration;
        builder.Properties[FirstContactKey] = FirstContact ? "true" : "false";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddGrainStorage(CwmpStorageNames.Devices, (sp, _) => new SerializingMemoryGrainStorage(sp.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>()));
            siloBuilder.Services.AddCwmpGrains();

            // Campaign workers tick when a test says so (TickAsync), and every tick asks the in-flight devices.
            siloBuilder.Services.Configure<CampaignOptions>(o => (o.TickInterval, o.PollInterval) = (TimeSpan.FromDays(30), TimeSpan.Zero));

            siloBuilder.Services.AddGrainStorage(CwmpStorageNames.Provisioning, (sp, _) => new SerializingMemoryGrainStorage(sp.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>()));
            // Every Inform asks the registry, so that a preset a test just stored is seen by the next Inform.
            siloBuilder.Services.AddCwmpProvisioning(options => options.PresetRefreshInterval = TimeSpan.Zero);
            siloBuilder.Services.AddOptions<ProvisioningOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>(
                (options, configuration) => options.FirstContact.Enabled = configuration[FirstContactKey] == "true");
            siloBuilder.Services.AddInMemoryParameterStore();
            siloBuilder.Services.AddSingleton(_ => new FakeTimeProvider(Start));
            siloBuilder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>());
            siloBuilder.Services.AddSingleton<FakeConnectionRequester>();
            siloBuilder.Services.AddSingleton<IConnectionRequester>(sp => sp.GetRequiredService<FakeConnectionRequester>());
            siloBuilder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(sp =>
                StackExchange.Redis.ConnectionMultiplexer.Connect(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[RedisConnectionKey]!));
            siloBuilder.Services.AddRedisDeviceIndex(o => o.ShardCount = 4);
            siloBuilder.AddMemoryGrainStorage(CwmpStorageNames.Campaigns);
            siloBuilder.UseInMemoryReminderService();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddSerializer(builder => builder.AddCwmpProtocolTypes());
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// A silo of its own for the tests that count metrics: the counters are per silo, and a session another test left
/// open would be counted when the fake clock closes it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MetricsClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "metrics cluster";
}
