using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests;

/// <summary>
/// Embedded mode after a SIGKILL: no shutdown checkpoint runs, so what the restarted server knows comes from
/// Garnet's AOF replay alone.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDirectory _data = new("crash");
    private readonly HealthClient _health = new();

    [Fact]
    public async Task Acknowledged_writes_survive_a_sigkill_of_the_server_process()
    {
        var ports = ServerPorts.Allocate();
        var dataArgument = "--Cwmp:Storage:DataDirectory=" + _data.Path;

        await using (var first = await ServerProcess.StartAsync(ports, dataArgument))
        {
            Assert.Equal(1, await _health.ProbeWritesAsync(ports.Cwmp));
            Assert.Equal(2, await _health.ProbeWritesAsync(ports.Nbi));
            await first.KillAsync();
            Assert.DoesNotContain("shutdown checkpoint", first.Output, StringComparison.Ordinal);
        }

        await using var second = await ServerProcess.StartAsync(ports, dataArgument);
        Assert.Equal(3, await _health.ProbeWritesAsync(ports.Cwmp));
    }

    public void Dispose()
    {
        _health.Dispose();
        _data.Dispose();
    }
}
