using System.Net;
using Cwmp.Nbi.Tests.Infrastructure;

namespace Cwmp.Nbi.Tests;

/// <summary>API keys and roles over real HTTP: 401 without or with a bad key, 403 for a role too low, both header forms.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class AuthenticationTests(SecuredNbiHost host)
{
    [Fact]
    public async Task Without_a_key_the_answer_is_a_401_problem_with_a_bearer_challenge()
    {
        using var client = host.Client();
        var response = await client.GetAsync("/api/v1/devices/00259E-HG8245-NOBODY");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("Bearer realm=\"cwmp-nbi\"", response.WwwAuthenticate);
        Assert.Equal(401, response.Json.GetProperty("status").GetInt32());
        Assert.Equal("no API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", response.Str("detail"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wrong_key_is_a_401_problem_with_invalid_token(bool bearer)
    {
        using var client = host.Client("not-a-configured-key-at-all", bearer);
        var response = await client.GetAsync("/api/v1/devices/00259E-HG8245-NOBODY");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("Bearer realm=\"cwmp-nbi\", error=\"invalid_token\"", response.WwwAuthenticate);
        Assert.Equal("the API key is not valid", response.Str("detail"));
    }

    [Theory]
    [InlineData(SecuredNbiHost.ViewerKey, "GET", "/api/v1/devices/00259E-HG8245-NOBODY", HttpStatusCode.NotFound)]
    [InlineData(SecuredNbiHost.ViewerKey, "POST", "/api/v1/devices/00259E-HG8245-NOBODY/tasks", HttpStatusCode.Forbidden)]
    [InlineData(SecuredNbiHost.ViewerKey, "DELETE", "/api/v1/devices/00259E-HG8245-NOBODY", HttpStatusCode.Forbidden)]
    [InlineData(SecuredNbiHost.ViewerKey, "GET", "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(SecuredNbiHost.OperatorKey, "POST", "/api/v1/devices/00259E-HG8245-NOBODY/tasks", HttpStatusCode.NotFound)]
    [InlineData(SecuredNbiHost.OperatorKey, "DELETE", "/api/v1/devices/00259E-HG8245-NOBODY", HttpStatusCode.NotFound)]
    [InlineData(SecuredNbiHost.OperatorKey, "GET", "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData(SecuredNbiHost.AdminKey, "GET", "/api/v1/audit?device=00259E-HG8245-NOBODY", HttpStatusCode.OK)]
    public async Task Each_role_reaches_what_it_may_and_is_refused_the_rest(string key, string method, string path, HttpStatusCode expected)
    {
        // The viewer goes through X-API-Key, the others as Bearer: both forms are accepted.
        using var client = host.Client(key, bearer: key != SecuredNbiHost.ViewerKey);
        string? body = method == "POST" ? "{\"reboot\":{}}" : null;
        var response = await client.SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(expected, response.Status);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.StartsWith("the API key's role ", response.Str("detail"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_is_not_served_on_the_cwmp_port()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{host.CwmpPort}/api/v1/devices/00259E-HG8245-NOBODY");
        request.Headers.Add("X-API-Key", SecuredNbiHost.AdminKey);
        using var response = await Within.Await(http.SendAsync(request), Within.Call, "the CWMP port to answer an API request");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        using var client = host.Client(SecuredNbiHost.ViewerKey);
        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("no NBI endpoint GET /api/v1/no-such-thing", response.Str("detail"));
    }
}
