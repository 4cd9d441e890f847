using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>A real Kestrel on 127.0.0.1 (port chosen by the system) with the gateway mapped at /acs, on the test cluster.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string Path = "/acs";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, int port, FakeTimeProvider time)
    {
        _app = app;
        Port = port;
        Time = time;
    }

    public int Port { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<GatewayHost> StartAsync(IClusterClient client, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cwmp:Auth:Required"] = "false" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<IGrainFactory>(client);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddCwmpGateway(builder.Configuration);
        WebApplication app = builder.Build();
        app.MapCwmp(Path);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayHost(app, new Uri(address).Port, time);
    }

    /// <summary>Collects one instrument of the "Cwmp.Gateway" meter of this host only.</summary>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(_app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), CwmpGatewayDiagnostics.MeterName, instrument);

    /// <summary>Every log line so far, for failure messages.</summary>
    public string LogText() => string.Join(Environment.NewLine, Logs.GetSnapshot().Select(r => $"{r.Level} {r.Message} {r.Exception}"));

    public Task<CpeConnection> ConnectAsync(IPAddress? from = null) => CpeConnection.OpenAsync(Port, from);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
