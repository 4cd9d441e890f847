using System.Net;
using System.Text;
using Cwmp.Files;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>The file server inside the real host: on the file port only, with its metrics on the NBI port.</summary>
public sealed class FilesHostingTests : IDisposable
{
    private readonly TempDirectory _data = new("files-hosting");

    [Fact]
    public async Task Files_and_uploads_are_served_on_the_file_port_only()
    {
        ServerPorts ports = ServerPorts.Allocate();
        await using var server = await InProcessServer.StartAsync(
            ports, "--Cwmp:Storage:DataDirectory=" + _data.Path, "--Cwmp:Auth:Required=false",
            "--Cwmp:Files:Directory=" + Path.Combine(_data.Path, "files"),
            "--Cwmp:Files:UploadsDirectory=" + Path.Combine(_data.Path, "uploads"),
            "--Cwmp:Files:SigningSecret=hosting-test-secret-hosting-test-secret-00",
            $"--Cwmp:Files:PublicBaseUrl=http://127.0.0.1:{ports.Files}/");
        var files = server.Services.GetRequiredService<IFileStore>();
        var signer = server.Services.GetRequiredService<FileUrlSigner>();
        FileMetadata file = await files.AddAsync(new NewFile("fw-3.0.bin", FileTypes.FirmwareUpgradeImage, "A1B2C3", "HomeGateway", "3.0"), new MemoryStream(Encoding.ASCII.GetBytes("image")));
        Uri url = signer.BuildFileUrl(file, "A1B2C3-HomeGateway-FILES1");
        Assert.Equal(ports.Files, url.Port);
        using var http = new HttpClient();

        using HttpResponseMessage served = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image", await served.Content.ReadAsStringAsync());
        foreach (int other in new[] { ports.Cwmp, ports.Nbi })
        {
            using HttpResponseMessage elsewhere = await http.GetAsync(new UriBuilder(url) { Port = other }.Uri);
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        Uri upload = signer.BuildUploadUrl("A1B2C3-HomeGateway-FILES1", "config.xml");
        using (var content = new ByteArrayContent(Encoding.ASCII.GetBytes("<cfg/>")))
        using (HttpResponseMessage uploaded = await http.PutAsync(upload, content))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        }

        UploadRecord record = Assert.Single(await server.Services.GetRequiredService<IUploadStore>().ListAsync("A1B2C3-HomeGateway-FILES1"));
        Assert.Equal(6, record.Size);

        string metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{ports.Nbi}/metrics"));
        Assert.Contains("cwmp_files_downloads", metrics, StringComparison.Ordinal);
        Assert.Contains("cwmp_files_uploads", metrics, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
