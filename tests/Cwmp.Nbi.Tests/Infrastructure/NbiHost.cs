using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cwmp.Grains.Index;
using Cwmp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>
/// The real host composition (the one Program runs: embedded Garnet, silo, gateway, NBI), started in the test process
/// on free loopback ports, in CPE lab mode, connection requests to loopback allowed.
/// </summary>
public abstract class NbiHost : IAsyncLifetime, IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"cwmp-nbi-tests-{Guid.NewGuid():N}");
    private WebApplication? _app;

    public int CwmpPort { get; private set; }

    public int NbiPort { get; private set; }

    public int FilesPort { get; private set; }

    internal IServiceProvider Services => (_app ?? throw new InvalidOperationException("The host has not started.")).Services;

    protected abstract IEnumerable<string> Arguments { get; }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        int[] ports = FreePorts(5);
        (CwmpPort, NbiPort, FilesPort) = (ports[0], ports[1], ports[2]);
        string[] args =
        [
            "--Cwmp:Ports:BindAddress=127.0.0.1",
            Port("Cwmp:Ports:Cwmp", ports[0]),
            Port("Cwmp:Ports:Nbi", ports[1]),
            Port("Cwmp:Ports:Files", ports[2]),
            Port("Cwmp:Orleans:SiloPort", ports[3]),
            Port("Cwmp:Orleans:GatewayPort", ports[4]),
            "--Cwmp:Orleans:AdvertisedIPAddress=127.0.0.1",
            "--Cwmp:Storage:DataDirectory=" + _data,
            "--Cwmp:Files:Directory=" + Path.Combine(_data, "files"),
            "--Cwmp:Files:UploadsDirectory=" + Path.Combine(_data, "uploads"),
            $"--Cwmp:Files:PublicBaseUrl=http://127.0.0.1:{ports[2].ToString(CultureInfo.InvariantCulture)}/",
            "--Cwmp:Auth:Required=false",
            "--Cwmp:ConnectionRequests:AllowLoopback=true",
            "--Logging:LogLevel:Default=Warning",
            .. Arguments,
        ];
        _app = CwmpServerApplication.Build(args, ConfigureServices);
        await Within.Await(_app.StartAsync(), Within.ServerStart, "the in-process Cwmp server to start");
    }

    public async Task DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }

        try
        {
            await Within.Await(_app.StopAsync(), Within.ServerStop, "the in-process Cwmp server to stop");
        }
        catch (TimeoutException e)
        {
            // Every test of the class has asserted by now; graceful stop has tests of its own in Cwmp.Server.Tests.
            await Console.Error.WriteLineAsync($"[NbiHost] the host's stop overran: {e}");
        }

        await _app.DisposeAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A store that failed to stop may still hold a file; the folder is under /tmp and named for these tests.
        }

        GC.SuppressFinalize(this);
    }

    internal NbiClient Client(string? apiKey = null, bool bearer = true) => new(NbiPort, apiKey, bearer);

    private static string Port(string key, int port) => $"--{key}={port.ToString(CultureInfo.InvariantCulture)}";

    private static int[] FreePorts(int count)
    {
        // Held open together so that they are distinct from one another.
        TcpListener[] listeners = [.. Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0))];
        try
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}

/// <summary>API keys required: a viewer, an operator (plain keys, one sent as X-API-Key in the tests) and an admin configured by SHA-256.</summary>
public sealed class SecuredNbiHost : NbiHost
{
    public const string ViewerKey = "viewer-key-0123456789abcdef";
    public const string OperatorKey = "operator-key-0123456789abcdef";
    public const string AdminKey = "admin-key-0123456789abcdef";

    internal InMemoryDeviceIndex Index { get; } = new();

    protected override IEnumerable<string> Arguments =>
    [
        "--Cwmp:Nbi:RequireAuthentication=true",
        "--Cwmp:Nbi:ApiKeys:0:Name=noc-viewer",
        "--Cwmp:Nbi:ApiKeys:0:Role=Viewer",
        "--Cwmp:Nbi:ApiKeys:0:Key=" + ViewerKey,
        "--Cwmp:Nbi:ApiKeys:1:Name=oss-operator",
        "--Cwmp:Nbi:ApiKeys:1:Role=Operator",
        "--Cwmp:Nbi:ApiKeys:1:Key=" + OperatorKey,
        "--Cwmp:Nbi:ApiKeys:2:Name=root-admin",
        "--Cwmp:Nbi:ApiKeys:2:Role=Admin",
        "--Cwmp:Nbi:ApiKeys:2:KeySha256=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AdminKey))),
        "--Cwmp:Nbi:MaxWait=00:01:00",
        "--Cwmp:Provisioning:PresetRefreshInterval=00:00:00",
    ];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IDeviceIndex>(Index);
}

/// <summary>Lab mode (no API keys, everyone admin) and no device index registered, as `dotnet run` is today.</summary>
public sealed class LabNbiHost : NbiHost
{
    protected override IEnumerable<string> Arguments => ["--Cwmp:Nbi:RequireAuthentication=false"];
}
