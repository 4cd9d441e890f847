using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>The client as the ACS gets it: through AddCwmpConnectionRequests, with a fake clock.</summary>
internal sealed class TestHost : IDisposable
{
    /// <summary>2025-01-02T03:04:05Z: Unix time 1735787045.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public const long StartUnixSeconds = 1735787045;

    private readonly ServiceProvider _services;

    public TestHost(Dictionary<string, string?>? settings = null, bool allowLoopback = true, IHostResolver? resolver = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Cwmp:ConnectionRequests:AllowLoopback"] = allowLoopback ? "true" : "false",
            ["Cwmp:ConnectionRequests:Timeout"] = "00:00:05",
        };
        foreach (KeyValuePair<string, string?> setting in settings ?? [])
        {
            values["Cwmp:ConnectionRequests:" + setting.Key] = setting.Value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        if (resolver is not null)
        {
            services.AddSingleton(resolver);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddCwmpConnectionRequests(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Metrics = new MetricCapture(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Client = _services.GetRequiredService<IConnectionRequestClient>();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public LogCapture Logs { get; } = new();

    public MetricCapture Metrics { get; }

    public IConnectionRequestClient Client { get; }

    public IServiceProvider Services => _services;

    public Task<ConnectionRequestResult> RequestAsync(
        string? url,
        string? udpAddress = null,
        string deviceKey = "00D09E-Router-SN0001",
        string username = "cr-user",
        string password = "cr-secret",
        CancellationToken cancellationToken = default) =>
        Client.RequestAsync(new ConnectionRequestTarget(deviceKey, url, udpAddress, username, password), cancellationToken);

    public void Dispose()
    {
        Metrics.Dispose();
        _services.Dispose();
    }
}
