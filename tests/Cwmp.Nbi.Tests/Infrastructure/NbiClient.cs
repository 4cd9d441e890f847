using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>An NBI caller over real loopback HTTP, with an API key as Bearer token or X-API-Key (or none).</summary>
internal sealed class NbiClient(int port, string? apiKey, bool bearer) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Within.Call + Within.Call };

    public Task<NbiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<NbiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<NbiResponse> PostAsync(string path, string? json) => SendAsync(HttpMethod.Post, path, json);

    public Task<NbiResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public async Task<NbiResponse> SendAsync(HttpMethod method, string path, string? json, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (apiKey is not null)
        {
            if (bearer)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }
            else
            {
                request.Headers.Add("X-API-Key", apiKey);
            }
        }

        using HttpResponseMessage response = await Within.Await(_http.SendAsync(request), Within.Call + Within.Call, $"the NBI to answer {method} {path}");
        string body = await response.Content.ReadAsStringAsync();
        return new NbiResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location?.OriginalString,
            response.Headers.WwwAuthenticate.ToString(),
            body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>A request with a raw body (or none), answered with its raw bytes: file contents are not JSON.</summary>
    public async Task<RawResponse> SendRawAsync(HttpMethod method, string path, byte[]? body = null, string contentType = "application/octet-stream", Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        configure?.Invoke(request);
        using HttpResponseMessage response = await Within.Await(_http.SendAsync(request), Within.Call + Within.Call, $"the NBI to answer {method} {path}");
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes, response.Headers.ETag?.Tag, response.Content.Headers.ContentRange?.ToString(), response.Headers.Location?.OriginalString);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the NBI answered, as bytes.</summary>
internal sealed record RawResponse(HttpStatusCode Status, string? MediaType, byte[] Body, string? ETag, string? ContentRange, string? Location)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>What the NBI answered.</summary>
internal sealed record NbiResponse(HttpStatusCode Status, string? MediaType, string? Location, string WwwAuthenticate, JsonElement Json)
{
    public string Str(string property) => Json.GetProperty(property).GetString()!;

    /// <summary>The validation problem's fields at fault.</summary>
    public string[] ErrorFields => [.. Json.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
