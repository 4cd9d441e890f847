using System.Net;
using System.Text.Json;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>Reads the server's /healthz and /readyz over real HTTP.</summary>
internal sealed class HealthClient : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Within.Call };

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(int port, string path)
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.Clone());
    }

    public async Task<HttpStatusCode> GetStatusAsync(int port, string path)
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
        return response.StatusCode;
    }

    /// <summary>One readiness probe; each one writes the probe grain's state once and returns its write count.</summary>
    public async Task<long> ProbeWritesAsync(int port)
    {
        var (status, body) = await GetAsync(port, "/readyz");
        Assert.True(status == HttpStatusCode.OK, $"/readyz answered {(int)status}: {body}");
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        return body.GetProperty("checks").GetProperty("storage").GetProperty("writes").GetInt64();
    }

    public void Dispose() => _http.Dispose();
}
