using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Files.Tests;

/// <summary>The file endpoints on Kestrel at 127.0.0.1 on a free port, with a fake clock and folders of their own.</summary>
internal sealed class FileServerHost : IAsyncDisposable
{
    public const string Secret = "test-secret-test-secret-test-secret-0123";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public HttpClient Client { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public IFileStore Files => Services.GetRequiredService<IFileStore>();

    public IUploadStore Uploads => Services.GetRequiredService<IUploadStore>();

    public FileUrlSigner Signer => Services.GetRequiredService<FileUrlSigner>();

    public string FilesDirectory => System.IO.Path.Combine(_folder.Path, "files");

    public static async Task<FileServerHost> StartAsync(long maxUploadBytes = 1024)
    {
        var host = new FileServerHost();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cwmp:Files:Directory"] = host.FilesDirectory,
            ["Cwmp:Files:UploadsDirectory"] = System.IO.Path.Combine(host._folder.Path, "uploads"),
            ["Cwmp:Files:SigningSecret"] = Secret,
            ["Cwmp:Files:MaxUploadBytes"] = maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cwmp:Files:MaxUploadsPerDevice"] = "3",
        });
        builder.Services.AddSingleton<TimeProvider>(host.Time);
        builder.Services.AddCwmpFiles(builder.Configuration);
        host._app = builder.Build();
        host._app.MapCwmpFiles();
        await host._app.StartAsync();
        string address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseUrl = new Uri(address + "/");
        return host;
    }

    public Task<FileMetadata> AddAsync(string id, string content, string fileType = FileTypes.FirmwareUpgradeImage) =>
        Files.AddAsync(new NewFile(id, fileType, "A1B2C3", "HomeGateway", "2.0"), new MemoryStream(Encoding.ASCII.GetBytes(content)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
