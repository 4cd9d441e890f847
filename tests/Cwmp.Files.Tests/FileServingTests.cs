using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace Cwmp.Files.Tests;

/// <summary>GET/HEAD /files/{id} over real HTTP on loopback: signed URLs, Range, conditional requests, metrics.</summary>
#pragma warning disable CA1001 // xunit disposes them in DisposeAsync (IAsyncLifetime).
public sealed class FileServingTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Device = "A1B2C3-HomeGateway-HG%2D0001";
    private const string Content = "0123456789abcdefghij";
    private FileServerHost _host = null!;
    private MetricCollector<long> _downloads = null!;
    private MetricCollector<long> _bytes = null!;

    public async Task InitializeAsync()
    {
        _host = await FileServerHost.StartAsync();
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        _downloads = new MetricCollector<long>(meters, FilesTelemetry.MeterName, FilesTelemetry.Downloads);
        _bytes = new MetricCollector<long>(meters, FilesTelemetry.MeterName, FilesTelemetry.BytesServed);
    }

    public async Task DisposeAsync()
    {
        _downloads.Dispose();
        _bytes.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_url_serves_the_whole_file_with_length_etag_and_sha256_in_the_url()
    {
        FileMetadata file = await _host.AddAsync("fw.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(file, Device, TimeSpan.FromHours(1), _host.BaseUrl);

        using HttpResponseMessage response = await _host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsStringAsync());
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal("\"" + file.Sha256 + "\"", response.Headers.ETag!.Tag);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sha256=" + file.Sha256, url.Query, StringComparison.Ordinal);
        Assert.Contains("device=A1B2C3-HomeGateway-HG%252D0001", url.Query, StringComparison.Ordinal);
        AssertOnly(_downloads, "ok");
        Assert.Equal(20, _bytes.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Head_answers_the_length_and_etag_without_a_body()
    {
        FileMetadata file = await _host.AddAsync("head.bin", Content);
        using var request = new HttpRequestMessage(HttpMethod.Head, _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl));

        using HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal("\"" + file.Sha256 + "\"", response.Headers.ETag!.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        AssertOnly(_downloads, "ok");
        Assert.Empty(_bytes.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_single_range_is_answered_206_with_its_bytes()
    {
        FileMetadata file = await _host.AddAsync("range.bin", Content);
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl));
        request.Headers.Range = new RangeHeaderValue(10, 14);

        using HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("abcde", await response.Content.ReadAsStringAsync());
        Assert.Equal("bytes 10-14/20", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(5, response.Content.Headers.ContentLength);
        AssertOnly(_downloads, "partial");
        Assert.Equal(5, _bytes.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_range_past_the_end_is_answered_416()
    {
        FileMetadata file = await _host.AddAsync("range416.bin", Content);
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl));
        request.Headers.Range = new RangeHeaderValue(20, 30);

        using HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */20", response.Content.Headers.ContentRange!.ToString());
        AssertOnly(_downloads, "range_not_satisfiable");
    }

    [Fact]
    public async Task If_none_match_with_the_etag_is_answered_304()
    {
        FileMetadata file = await _host.AddAsync("cached.bin", Content);
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(file.ETag));

        using HttpResponseMessage response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        AssertOnly(_downloads, "not_modified");
    }

    [Fact]
    public async Task An_expired_url_is_refused_403()
    {
        FileMetadata file = await _host.AddAsync("expired.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(file, Device, TimeSpan.FromMinutes(10), _host.BaseUrl);
        _host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using HttpResponseMessage response = await _host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The URL has expired.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertOnly(_downloads, "expired");
    }

    [Fact]
    public async Task A_url_valid_until_this_second_is_still_served()
    {
        FileMetadata file = await _host.AddAsync("edge.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(file, Device, TimeSpan.FromMinutes(10), _host.BaseUrl);
        _host.Time.Advance(TimeSpan.FromMinutes(10));

        using HttpResponseMessage response = await _host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("device=A1B2C3-HomeGateway-OTHER")]
    [InlineData("expires=99999999999")]
    [InlineData("sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sig=not%20base64!")]
    public async Task A_tampered_url_is_refused_403(string replacement)
    {
        FileMetadata file = await _host.AddAsync("tamper.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl);
        string name = replacement[..(replacement.IndexOf('=', StringComparison.Ordinal) + 1)];
        string query = string.Join('&', url.Query.TrimStart('?').Split('&').Select(p => p.StartsWith(name, StringComparison.Ordinal) ? replacement : p));

        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(url.GetLeftPart(UriPartial.Path) + "?" + query));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The signature does not match this URL.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertOnly(_downloads, "forbidden");
    }

    [Fact]
    public async Task A_url_signed_for_another_file_is_refused_403()
    {
        FileMetadata one = await _host.AddAsync("one.bin", Content);
        await _host.AddAsync("two.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(one, Device, null, _host.BaseUrl);

        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(url.AbsoluteUri.Replace("/files/one.bin", "/files/two.bin", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_url_without_a_signature_is_refused_403()
    {
        await _host.AddAsync("open.bin", Content);

        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(_host.BaseUrl, "files/open.bin"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The URL carries no signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertOnly(_downloads, "forbidden");
    }

    [Fact]
    public async Task A_signed_url_of_a_deleted_file_is_answered_404()
    {
        FileMetadata file = await _host.AddAsync("deleted.bin", Content);
        Uri url = _host.Signer.BuildFileUrl(file, Device, null, _host.BaseUrl);
        await _host.Files.DeleteAsync("deleted.bin");

        using HttpResponseMessage response = await _host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertOnly(_downloads, "not_found");
    }

    [Fact]
    public async Task An_invalid_file_id_is_answered_400()
    {
        using HttpResponseMessage response = await _host.Client.GetAsync(new Uri(_host.BaseUrl, "files/%2E%2Esecret"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A file id is 1–128 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertOnly(_downloads, "bad_request");
    }

    private static void AssertOnly(MetricCollector<long> collector, string outcome)
    {
        CollectedMeasurement<long> measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(outcome, measurement.Tags["outcome"]);
    }
}
