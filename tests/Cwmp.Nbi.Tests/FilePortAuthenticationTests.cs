using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cwmp.Files;
using Cwmp.Nbi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Tests;

/// <summary>
/// The file port with the devices' own CWMP credentials, over real HTTP, with the Authorization headers CPEs send: a
/// URL without signature (what a campaign hands out, it never expires) is challenged, then served to Digest or Basic.
/// </summary>
public sealed partial class FilePortAuthenticationTests(DeviceAuthenticatedHost host) : IClassFixture<DeviceAuthenticatedHost>
{
    private static readonly byte[] Image = Encoding.ASCII.GetBytes("firmware image V2 for the HG8245");

    [Fact]
    public async Task An_unsigned_URL_is_challenged_then_served_to_the_devices_Digest()
    {
        await StoreAsync("digest-fw.bin");
        using var http = new HttpClient();
        using var outcomes = new Outcomes();
        Uri url = FileUrl("digest-fw.bin");

        using HttpResponseMessage challenged = await SendAsync(http, HttpMethod.Get, url, null);
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        Assert.Equal("application/problem+json", challenged.Content.Headers.ContentType?.MediaType);
        string[] challenges = [.. challenged.Headers.WwwAuthenticate.Select(h => h.ToString())];
        string digest = Assert.Single(challenges, c => c.StartsWith("Digest ", StringComparison.Ordinal));
        Assert.Contains($"realm=\"{DeviceAuthenticatedHost.Realm}\"", digest, StringComparison.Ordinal);
        Assert.Contains("qop=\"auth\"", digest, StringComparison.Ordinal);
        Assert.Contains(challenges, c => c == $"Basic realm=\"{DeviceAuthenticatedHost.Realm}\"");
        await outcomes.WaitAsync("download", "unauthorized");
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3026 && e.Message.Contains("digest-fw.bin", StringComparison.Ordinal) && e.Message.Contains("no credentials", StringComparison.Ordinal));

        // What a CPE sends back: RFC 2617 Digest, MD5, qop=auth, over the path it requested.
        string nonce = NonceOf(digest);
        string authorization = DigestAuthorization(DeviceAuthenticatedHost.DeviceA, DeviceAuthenticatedHost.PasswordA, "GET", "/files/digest-fw.bin", nonce);
        using HttpResponseMessage served = await SendAsync(http, HttpMethod.Get, url, authorization);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Image, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(Image.Length, served.Content.Headers.ContentLength);
        await outcomes.WaitAsync("download", "ok");
    }

    [Fact]
    public async Task Basic_with_the_devices_password_is_served_and_a_wrong_one_is_challenged_and_logged()
    {
        await StoreAsync("basic-fw.bin");
        using var http = new HttpClient();
        Uri url = FileUrl("basic-fw.bin");

        using HttpResponseMessage served = await SendAsync(http, HttpMethod.Get, url, Basic(DeviceAuthenticatedHost.DeviceB, DeviceAuthenticatedHost.PasswordB));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Image, await served.Content.ReadAsByteArrayAsync());

        using HttpResponseMessage wrong = await SendAsync(http, HttpMethod.Get, url, Basic(DeviceAuthenticatedHost.DeviceB, "not-the-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.NotEmpty(wrong.Headers.WwwAuthenticate);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3026 && e.Message.Contains(DeviceAuthenticatedHost.DeviceB, StringComparison.Ordinal)
            && e.Message.Contains("wrong Basic password", StringComparison.Ordinal));

        using HttpResponseMessage stranger = await SendAsync(http, HttpMethod.Get, url, Basic("00259E-HG8245-NOBODY", "guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);

        string nonce = NonceOf(wrong.Headers.WwwAuthenticate.Select(h => h.ToString()).Single(c => c.StartsWith("Digest ", StringComparison.Ordinal)));
        using HttpResponseMessage badDigest = await SendAsync(http, HttpMethod.Get, url,
            DigestAuthorization(DeviceAuthenticatedHost.DeviceA, "wrong", "GET", "/files/basic-fw.bin", nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, badDigest.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3026 && e.Message.Contains("wrong Digest response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_needs_the_credentials_of_the_device_whose_folder_it_names()
    {
        using var http = new HttpClient();
        using var outcomes = new Outcomes();
        var uploadA = new Uri($"http://127.0.0.1:{host.FilesPort}/uploads/{DeviceAuthenticatedHost.DeviceA}/running.cfg");

        using HttpResponseMessage challenged = await SendAsync(http, HttpMethod.Put, uploadA, null, "<cfg a=\"1\"/>");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        await outcomes.WaitAsync("upload", "unauthorized");

        using HttpResponseMessage foreign = await SendAsync(http, HttpMethod.Put, uploadA, Basic(DeviceAuthenticatedHost.DeviceB, DeviceAuthenticatedHost.PasswordB), "<cfg a=\"1\"/>");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3027 && e.Message.Contains(DeviceAuthenticatedHost.DeviceA, StringComparison.Ordinal));
        await outcomes.WaitAsync("upload", "forbidden");

        string nonce = NonceOf(challenged.Headers.WwwAuthenticate.Select(h => h.ToString()).Single(c => c.StartsWith("Digest ", StringComparison.Ordinal)));
        string authorization = DigestAuthorization(
            DeviceAuthenticatedHost.DeviceA, DeviceAuthenticatedHost.PasswordA, "PUT", $"/uploads/{DeviceAuthenticatedHost.DeviceA}/running.cfg", nonce);
        using HttpResponseMessage stored = await SendAsync(http, HttpMethod.Put, uploadA, authorization, "<cfg a=\"1\"/>");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        UploadRecord record = Assert.Single(await host.Services.GetRequiredService<IUploadStore>().ListAsync(DeviceAuthenticatedHost.DeviceA));
        Assert.Equal(("running.cfg", 12L), (record.Name, record.Size));
        Assert.Empty(await host.Services.GetRequiredService<IUploadStore>().ListAsync(DeviceAuthenticatedHost.DeviceB));
    }

    [Fact]
    public async Task Signed_URLs_still_work_without_credentials_and_a_bad_signature_is_still_a_403()
    {
        FileMetadata file = await StoreAsync("signed-fw.bin");
        using var http = new HttpClient();
        Uri signed = host.Services.GetRequiredService<FileUrlSigner>().BuildFileUrl(file, DeviceAuthenticatedHost.DeviceA);

        using HttpResponseMessage served = await SendAsync(http, HttpMethod.Get, signed, null);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        using HttpResponseMessage tampered = await SendAsync(http, HttpMethod.Get, new Uri(signed.AbsoluteUri.Replace("sig=", "sig=x", StringComparison.Ordinal)), null);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Empty(tampered.Headers.WwwAuthenticate);
    }

    private Uri FileUrl(string id) => new($"http://127.0.0.1:{host.FilesPort}/files/{id}");

    private async Task<FileMetadata> StoreAsync(string id) =>
        await host.Services.GetRequiredService<IFileStore>().AddAsync(new NewFile(id, FileTypes.FirmwareUpgradeImage, "00259E", "HG8245", "V2"), new MemoryStream(Image));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri url, string? authorization, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (authorization is not null)
        {
            // As the CPE writes it, unparsed.
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/xml");
        }

        return await Within.Await(http.SendAsync(request), Within.Call, $"the file port to answer {method} {url.AbsolutePath}");
    }

    private static string Basic(string username, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

    private static string DigestAuthorization(string username, string password, string method, string uri, string nonce)
    {
        const string cnonce = "0a4f113b";
        const string nc = "00000001";
        string ha1 = Md5($"{username}:{DeviceAuthenticatedHost.Realm}:{password}");
        string ha2 = Md5($"{method}:{uri}");
        string response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{username}\", realm=\"{DeviceAuthenticatedHost.Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", "
            + $"algorithm=MD5, qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\"";
    }

#pragma warning disable CA5351 // Digest as CPEs implement it is MD5.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string NonceOf(string challenge) => NonceParameter().Match(challenge).Groups[1].Value;

    [GeneratedRegex("nonce=\"([0-9a-f]+)\"")]
    private static partial Regex NonceParameter();

    /// <summary>The outcomes cwmp.files.downloads and cwmp.files.uploads count, as they are counted.</summary>
    private sealed class Outcomes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<(string, string), TaskCompletionSource> _seen = new();

        public Outcomes()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FilesTelemetry.MeterName && instrument.Name is "cwmp.files.downloads" or "cwmp.files.uploads")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            {
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    if (tag.Key == "outcome" && tag.Value is string outcome)
                    {
                        Seen(instrument.Name == "cwmp.files.uploads" ? "upload" : "download", outcome).TrySetResult();
                    }
                }
            });
            _listener.Start();
        }

        public Task WaitAsync(string kind, string outcome) =>
            Within.Await(Seen(kind, outcome).Task, Within.Call, $"cwmp.files.{kind}s to count outcome {outcome}");

        public void Dispose() => _listener.Dispose();

        private TaskCompletionSource Seen(string kind, string outcome) =>
            _seen.GetOrAdd((kind, outcome), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
