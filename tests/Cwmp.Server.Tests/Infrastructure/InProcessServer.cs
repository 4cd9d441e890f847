using Cwmp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>The real host composition (the one Program runs), started in the test process.</summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private InProcessServer(WebApplication app, ServerPorts ports, TimeSpan startDuration)
    {
        _app = app;
        Ports = ports;
        StartDuration = startDuration;
    }

    public ServerPorts Ports { get; }

    public TimeSpan StartDuration { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessServer> StartAsync(ServerPorts ports, params string[] arguments)
    {
        string[] args =
        [
            .. ports.Arguments(),
            // Test output stays readable; failures still carry the exception.
            "--Logging:LogLevel:Default=Warning",
            .. arguments,
        ];
        var app = CwmpServerApplication.Build(args);
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await Within.Await(app.StartAsync(), Within.ServerStart, "the in-process Cwmp server to start");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new InProcessServer(app, ports, TimeProvider.System.GetElapsedTime(started));
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await Within.Await(_app.StopAsync(), Within.ServerStop, "the in-process Cwmp server to stop gracefully");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        await _app.DisposeAsync();
    }
}
