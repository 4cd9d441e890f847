using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Cwmp.Files.Tests;

/// <summary>PUT/POST /uploads/{deviceKey}/{name} over real HTTP on loopback: the TR-069 Upload target.</summary>
#pragma warning disable CA1001 // xunit disposes them in DisposeAsync (IAsyncLifetime).
public sealed class UploadTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Device = "A1B2C3-HomeGateway-HG%2D0001";
    private FileServerHost _host = null!;
    private MetricCollector<long> _uploads = null!;
    private MetricCollector<long> _bytes = null!;

    public async Task InitializeAsync()
    {
        _host = await FileServerHost.StartAsync(maxUploadBytes: 1024);
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        _uploads = new MetricCollector<long>(meters, FilesTelemetry.MeterName, FilesTelemetry.Uploads);
        _bytes = new MetricCollector<long>(meters, FilesTelemetry.MeterName, FilesTelemetry.BytesReceived);
    }

    public async Task DisposeAsync()
    {
        _uploads.Dispose();
        _bytes.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_put_to_a_signed_url_is_stored_for_the_device()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "config.xml", TimeSpan.FromMinutes(30), _host.BaseUrl);
        byte[] body = Encoding.UTF8.GetBytes("<config><a>1</a></config>");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");

        using HttpResponseMessage response = await _host.Client.PutAsync(url, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        UploadRecord record = Assert.Single(await _host.Uploads.ListAsync(Device));
        Assert.Equal(Device, record.DeviceKey);
        Assert.Equal("config.xml", record.Name);
        Assert.Equal("text/xml", record.ContentType);
        Assert.Equal(body.Length, record.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), record.Sha256);
        Assert.Equal(_host.Time.GetUtcNow(), record.ReceivedAt);
        await using StoredUpload? stored = await _host.Uploads.OpenReadAsync(Device, record.Id);
        using var read = new MemoryStream();
        await stored!.Content.CopyToAsync(read);
        Assert.Equal(body, read.ToArray());
        Assert.Equal(record, await _host.Uploads.GetAsync(Device, record.Id));
        AssertOnly(_uploads, "ok");
        Assert.Equal(body.Length, _bytes.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_chunked_post_without_content_length_is_stored()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "syslog.txt", null, _host.BaseUrl);
        using var content = new StreamContent(new NonSeekableStream(Encoding.ASCII.GetBytes("line 1\nline 2\n")));

        using HttpResponseMessage response = await _host.Client.PostAsync(url, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        UploadRecord record = Assert.Single(await _host.Uploads.ListAsync(Device));
        Assert.Equal(14, record.Size);
        Assert.Equal("application/octet-stream", record.ContentType);
    }

    [Fact]
    public async Task An_upload_signed_for_another_name_or_device_is_refused_403()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "config.xml", null, _host.BaseUrl);
        using var content = new ByteArrayContent([1, 2, 3]);

        using HttpResponseMessage otherName = await _host.Client.PutAsync(new Uri(url.AbsoluteUri.Replace("/config.xml?", "/other.xml?", StringComparison.Ordinal)), content);
        using HttpResponseMessage otherDevice = await _host.Client.PutAsync(new Uri(url.AbsoluteUri.Replace("HG%252D0001", "HG%252D0002", StringComparison.Ordinal)), content);

        Assert.Equal(HttpStatusCode.Forbidden, otherName.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherDevice.StatusCode);
        Assert.Empty(await _host.Uploads.ListAsync(Device));
        Assert.Empty(await _host.Uploads.ListAsync("A1B2C3-HomeGateway-HG%2D0002"));
        Assert.Equal(2, _uploads.GetMeasurementSnapshot().Count(m => (string?)m.Tags["outcome"] == "forbidden"));
    }

    [Fact]
    public async Task A_download_signature_is_not_an_upload_signature()
    {
        long expires = _host.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        string downloadSignature = _host.Signer.Sign(FileUrlSigner.FileMessage("config.xml", Device, expires));
        var url = new Uri(_host.BaseUrl, $"uploads/{Uri.EscapeDataString(Device)}/config.xml?expires={expires}&sig={downloadSignature}");
        using var content = new ByteArrayContent([1]);

        using HttpResponseMessage response = await _host.Client.PutAsync(url, content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_upload_url_is_refused_403()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "config.xml", TimeSpan.FromMinutes(5), _host.BaseUrl);
        _host.Time.Advance(TimeSpan.FromMinutes(6));
        using var content = new ByteArrayContent([1]);

        using HttpResponseMessage response = await _host.Client.PutAsync(url, content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertOnly(_uploads, "expired");
    }

    [Fact]
    public async Task A_content_length_over_the_limit_is_refused_413_before_the_body_is_read()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "big.bin", null, _host.BaseUrl);
        using var content = new ByteArrayContent(new byte[1025]);

        using HttpResponseMessage response = await _host.Client.PutAsync(url, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _host.Uploads.ListAsync(Device));
        AssertOnly(_uploads, "too_large");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_413_and_not_stored()
    {
        Uri url = _host.Signer.BuildUploadUrl(Device, "big.bin", null, _host.BaseUrl);
        using var content = new StreamContent(new NonSeekableStream(new byte[4096]));

        using HttpResponseMessage response = await _host.Client.PostAsync(url, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The upload is larger than the limit of 1024 bytes.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _host.Uploads.ListAsync(Device));
        AssertOnly(_uploads, "too_large");
    }

    [Fact]
    public async Task An_invalid_upload_name_is_answered_400()
    {
        using var content = new ByteArrayContent([1]);

        using HttpResponseMessage response = await _host.Client.PutAsync(new Uri(_host.BaseUrl, "uploads/dev/a%20b?expires=1&sig=x"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertOnly(_uploads, "bad_request");
    }

    [Fact]
    public async Task A_device_keeps_only_its_newest_uploads()
    {
        List<string> ids = [];
        for (int i = 0; i < 5; i++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await _host.Uploads.SaveAsync(Device, $"log{i}.txt", "text/plain", new MemoryStream([(byte)i]))).Id);
        }

        IReadOnlyList<UploadRecord> kept = await _host.Uploads.ListAsync(Device);

        Assert.Equal(["log4.txt", "log3.txt", "log2.txt"], kept.Select(r => r.Name));
        Assert.Null(await _host.Uploads.GetAsync(Device, ids[0]));
    }

    private static void AssertOnly(MetricCollector<long> collector, string outcome)
    {
        CollectedMeasurement<long> measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(outcome, measurement.Tags["outcome"]);
    }

    /// <summary>A body of unknown length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 512));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
