using System.Net;
using Cwmp.Server.Diagnostics;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests;

/// <summary>Embedded mode: grain state written through Orleans into the in-process Garnet survives a graceful restart.</summary>
public sealed class EmbeddedPersistenceTests : IDisposable
{
    private readonly TempDirectory _data = new("embedded");
    private readonly HealthClient _health = new();

    [Fact]
    public async Task Grain_state_survives_a_graceful_restart_on_the_same_data_folder()
    {
        var ports = ServerPorts.Allocate();
        var dataArgument = "--Cwmp:Storage:DataDirectory=" + _data.Path;

        await using (var first = await InProcessServer.StartAsync(ports, dataArgument))
        {
            var probe = first.Grains.GetGrain<IStorageProbeGrain>("embedded-restart");
            Assert.Equal(1, (await probe.ProbeAsync()).Writes);
            Assert.Equal(2, (await probe.ProbeAsync()).Writes);
            await first.StopAsync();
        }

        await using var second = await InProcessServer.StartAsync(ports, dataArgument);
        var again = second.Grains.GetGrain<IStorageProbeGrain>("embedded-restart");
        Assert.Equal(2, (await again.ReadAsync()).Writes);
        Assert.Equal(3, (await again.ProbeAsync()).Writes);
    }

    [Fact]
    public async Task Every_port_serves_health_and_only_the_nbi_port_serves_metrics()
    {
        var ports = ServerPorts.Allocate();
        await using var server = await InProcessServer.StartAsync(ports, "--Cwmp:Storage:DataDirectory=" + _data.Path);

        foreach (var port in new[] { ports.Cwmp, ports.Nbi, ports.Files })
        {
            var (liveStatus, live) = await _health.GetAsync(port, "/healthz");
            Assert.Equal(HttpStatusCode.OK, liveStatus);
            Assert.Equal("Healthy", live.GetProperty("status").GetString());

            var (readyStatus, ready) = await _health.GetAsync(port, "/readyz");
            Assert.Equal(HttpStatusCode.OK, readyStatus);
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        }

        // Three readiness probes so far, each a persisted write of this host's probe record.
        Assert.Equal(3, (await server.Grains.GetGrain<IStorageProbeGrain>(StorageHealthCheck.ProbeKey).ReadAsync()).Writes);
        Assert.Equal(HttpStatusCode.OK, await _health.GetStatusAsync(ports.Nbi, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, await _health.GetStatusAsync(ports.Cwmp, "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, await _health.GetStatusAsync(ports.Files, "/metrics"));
    }

    public void Dispose()
    {
        _health.Dispose();
        _data.Dispose();
    }
}
