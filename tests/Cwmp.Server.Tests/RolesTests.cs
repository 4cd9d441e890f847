using Cwmp.Server.Diagnostics;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests;

/// <summary>A gateway-only process is an Orleans client that finds the silos through the Redis clustering table.</summary>
public sealed class RolesTests : IDisposable
{
    private readonly HealthClient _health = new();

    [Fact]
    public async Task A_gateway_only_process_reaches_grains_hosted_by_a_silo_only_process()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        string[] storage = ["--Cwmp:Storage:Mode=Redis", "--Cwmp:Storage:ConnectionString=" + redis.ConnectionString];

        await using var silo = await InProcessServer.StartAsync(ServerPorts.Allocate(), [.. storage, "--Cwmp:Roles=Silo"]);
        var gatewayPorts = ServerPorts.Allocate();
        await using var gateway = await InProcessServer.StartAsync(gatewayPorts, [.. storage, "--Cwmp:Roles=Gateway"]);

        var (_, ready) = await _health.GetAsync(gatewayPorts.Cwmp, "/readyz");
        var checks = ready.GetProperty("checks");
        // A gateway has no silo of its own to report on; it is ready when the cluster's storage answers.
        Assert.False(checks.TryGetProperty("silo", out _));
        Assert.Equal(1, checks.GetProperty("storage").GetProperty("writes").GetInt64());

        Assert.Equal(1, (await gateway.Grains.GetGrain<IStorageProbeGrain>("through-gateway").ProbeAsync()).Writes);
        Assert.Equal(1, (await silo.Grains.GetGrain<IStorageProbeGrain>("through-gateway").ReadAsync()).Writes);
    }

    public void Dispose() => _health.Dispose();
}
