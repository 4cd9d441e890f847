using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>
/// One real host (embedded Garnet, silo, gateway) in lab mode for a whole test class: starting it dominates the cost
/// of a test, and each test keeps to a device of its own.
/// </summary>
public sealed class SharedHostFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("e2e-shared");
    private InProcessServer? _server;

    internal InProcessServer Server => _server ?? throw new InvalidOperationException("The shared host has not started.");

    public async Task InitializeAsync() =>
        _server = await InProcessServer.StartAsync(
            ServerPorts.Allocate(), "--Cwmp:Storage:DataDirectory=" + _data.Path, "--Cwmp:Auth:Required=false");

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        try
        {
            await _server.DisposeAsync();
        }
        catch (TimeoutException e)
        {
            // Every test of the class has asserted by now. A graceful stop that overruns on a loaded two-core CI
            // machine (test assemblies run side by side) is not what these tests check: graceful stop and crash
            // recovery have tests of their own (CrashRecoveryTests, EmbeddedPersistenceTests). The full exception goes
            // to the test log so that a stop that really hangs is still visible.
            await Console.Error.WriteLineAsync($"[SharedHostFixture] the shared host's stop overran: {e}");
        }
    }

    // xunit disposes a class fixture after DisposeAsync: the data folder goes once the host has stopped.
    public void Dispose() => _data.Dispose();
}
