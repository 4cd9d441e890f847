using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cwmp.Protocol;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>With a certificate configured the CWMP port speaks HTTPS (and only HTTPS); the other ports stay HTTP.</summary>
public sealed class TlsEndToEndTests : IDisposable
{
    private const string Password = "test-pfx";
    private readonly TempDirectory _directory = new("tls");

    [Fact]
    public async Task A_cpe_informs_over_https_when_a_certificate_is_configured()
    {
        using X509Certificate2 certificate = CreateSelfSigned();
        string pfx = Path.Combine(_directory.Path, "acs.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, Password));
        ServerPorts ports = ServerPorts.Allocate();
        await using InProcessServer server = await InProcessServer.StartAsync(
            ports,
            "--Cwmp:Storage:DataDirectory=" + Path.Combine(_directory.Path, "data"),
            "--Cwmp:Auth:Required=false",
            "--Cwmp:Tls:CertificatePath=" + pfx,
            "--Cwmp:Tls:CertificatePassword=" + Password);

        using var handler = new HttpClientHandler
        {
            // Trust exactly the test's certificate, nothing else.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var https = new HttpClient(handler);
        using var content = new ByteArrayContent(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "TLS0001", "tls-1", EventCodes.Bootstrap));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");

        using HttpResponseMessage reply = await https.PostAsync(new Uri($"https://127.0.0.1:{ports.Cwmp}/"), content);
        CwmpEnvelope? envelope = CwmpParser.Parse(await reply.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.IsType<InformResponse>(envelope?.Body);
        Assert.Equal("tls-1", envelope!.Header.Id);

        using var plain = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync(new Uri($"http://127.0.0.1:{ports.Cwmp}/healthz")));
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync(new Uri($"http://127.0.0.1:{ports.Nbi}/healthz"))).StatusCode);
    }

    public void Dispose() => _directory.Dispose();

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=cwmp-test-acs", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
