using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Cwmp.Grains;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>One Orleans test cluster (one silo with the scripted grains) shared by every HTTP test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    internal static void AddEnvelopeCodec(IServiceCollection services) =>
        services.AddSerializer(builder => builder.AddCwmpProtocolTypes());

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => AddEnvelopeCodec(siloBuilder.Services);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => AddEnvelopeCodec(clientBuilder.Services);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterDefinition : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
