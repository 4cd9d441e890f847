using Cwmp.Server.Diagnostics;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests;

/// <summary>Redis mode: the same providers and the same persistence check against a real redis-server.</summary>
public sealed class RedisPersistenceTests
{
    [Fact]
    public async Task Grain_state_survives_a_restart_of_the_server_against_redis()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var ports = ServerPorts.Allocate();
        string[] arguments = ["--Cwmp:Storage:Mode=Redis", "--Cwmp:Storage:ConnectionString=" + redis.ConnectionString];

        await using (var first = await InProcessServer.StartAsync(ports, arguments))
        {
            var probe = first.Grains.GetGrain<IStorageProbeGrain>("redis-restart");
            Assert.Equal(1, (await probe.ProbeAsync()).Writes);
            Assert.Equal(2, (await probe.ProbeAsync()).Writes);
            await first.StopAsync();
        }

        await using var second = await InProcessServer.StartAsync(ports, arguments);
        var again = second.Grains.GetGrain<IStorageProbeGrain>("redis-restart");
        Assert.Equal(2, (await again.ReadAsync()).Writes);
        Assert.Equal(3, (await again.ProbeAsync()).Writes);
    }
}
