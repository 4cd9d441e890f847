using Cwmp.Gateway.Tests.Grains;
using Cwmp.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Cwmp.Gateway.Tests;

/// <summary>Digest and Basic authentication of CPEs, and the identity check of ADR 0003.</summary>
[Collection(ClusterDefinition.Name)]
public sealed class AuthenticationTests(ClusterFixture cluster)
{
    private const string Password = "s3cret!";

    [Fact]
    public async Task Digest_md5_challenge_then_a_whole_session_reusing_one_nonce_with_nc_00000001()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        HttpReply challenged = await cpe.PostAsync(Cpe.Inform(serial));
        Assert.Equal(401, challenged.Status);
        Assert.Equal("0", challenged.Header("Content-Length"));
        string challenge = Assert.Single(challenged.HeaderValues("WWW-Authenticate"));
        Dictionary<string, string> parameters = DigestClient.ParseChallenge(challenge);
        Assert.Equal(("Cwmp.Orleans", "auth", "MD5", 64), (parameters["realm"], parameters["qop"], parameters["algorithm"], parameters["nonce"].Length));
        Assert.False(parameters.ContainsKey("stale"));
        Assert.Equal(0, (await Probe(key)).Posts);

        // A fresh connection per POST and the same nonce count every time: the nonce alone is proof enough.
        string authorization = DigestClient.Authorization(challenge, key, Password);
        HttpReply informed = await PostOnNewConnection(gateway, Cpe.Inform(serial).With("Authorization", authorization));
        Cpe.AssertInformResponse(informed);
        Cpe.AssertGetParameterValues(await PostOnNewConnection(gateway, Cpe.EmptyPost().With("Authorization", authorization).With("Cookie", informed.SessionCookie())));
        Cpe.AssertSessionEnd(await PostOnNewConnection(gateway, Cpe.GpvResponse().With("Authorization", authorization).With("Cookie", informed.SessionCookie())));

        DeviceProbe probe = await Probe(key);
        Assert.Equal(3, probe.Posts);
        Assert.Equal(key, probe.LastAuthenticatedAs);
    }

    [Fact]
    public async Task Digest_md5_sess_as_announced_by_the_gateway()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key, new() { ["Cwmp:Auth:DigestAlgorithm"] = "MD5-sess" });
        await using CpeConnection cpe = await gateway.ConnectAsync();

        string challenge = (await cpe.PostAsync(Cpe.Inform(serial))).Header("WWW-Authenticate")!;
        Assert.Equal("MD5-sess", DigestClient.ParseChallenge(challenge)["algorithm"]);

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial).With("Authorization", DigestClient.Authorization(challenge, key, Password, "MD5-sess"))));
    }

    [Fact]
    public async Task Connection_that_authenticated_once_needs_no_further_authorization()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string challenge = (await cpe.PostAsync(Cpe.Inform(serial))).Header("WWW-Authenticate")!;

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial).With("Authorization", DigestClient.Authorization(challenge, key, Password, "MD5-sess"))));
        Cpe.AssertGetParameterValues(await cpe.PostAsync(Cpe.EmptyPost()));
        Cpe.AssertSessionEnd(await cpe.PostAsync(Cpe.GpvResponse()));

        // A new connection must authenticate again.
        Assert.Equal(401, (await PostOnNewConnection(gateway, Cpe.Inform(serial))).Status);
    }

    [Fact]
    public async Task Wrong_password_is_answered_401_without_stale_and_never_reaches_the_grain()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string challenge = (await cpe.PostAsync(Cpe.Inform(serial))).Header("WWW-Authenticate")!;

        HttpReply refused = await cpe.PostAsync(Cpe.Inform(serial).With("Authorization", DigestClient.Authorization(challenge, key, "guess")));

        Assert.Equal(401, refused.Status);
        Assert.False(DigestClient.ParseChallenge(refused.Header("WWW-Authenticate")!).ContainsKey("stale"));
        Assert.Equal(0, (await Probe(key)).Posts);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Message.Contains("wrong Digest response", StringComparison.Ordinal) && r.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expired_nonce_with_the_right_password_gets_stale_true_and_the_fresh_nonce_works()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string challenge = (await cpe.PostAsync(Cpe.Inform(serial))).Header("WWW-Authenticate")!;

        gateway.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        HttpReply stale = await cpe.PostAsync(Cpe.Inform(serial).With("Authorization", DigestClient.Authorization(challenge, key, Password)));

        Assert.Equal(401, stale.Status);
        string renewed = stale.Header("WWW-Authenticate")!;
        Assert.Equal("true", DigestClient.ParseChallenge(renewed)["stale"]);
        Assert.NotEqual(DigestClient.ParseChallenge(challenge)["nonce"], DigestClient.ParseChallenge(renewed)["nonce"]);
        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(serial).With("Authorization", DigestClient.Authorization(renewed, key, Password))));
    }

    [Fact]
    public async Task A_nonce_issued_by_one_gateway_is_accepted_by_another_sharing_the_secret()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost first = await StartAsync(key);
        await using GatewayHost second = await StartAsync(key);
        string challenge = (await PostOnNewConnection(first, Cpe.Inform(serial))).Header("WWW-Authenticate")!;
        string authorization = DigestClient.Authorization(challenge, key, Password);

        HttpReply informed = await PostOnNewConnection(second, Cpe.Inform(serial).With("Authorization", authorization));
        Cpe.AssertInformResponse(informed);
        Cpe.AssertGetParameterValues(await PostOnNewConnection(first, Cpe.EmptyPost().With("Authorization", authorization).With("Cookie", informed.SessionCookie())));
    }

    [Fact]
    public async Task Basic_over_plain_http_is_refused_with_a_digest_challenge_only()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key);

        HttpReply refused = await PostOnNewConnection(gateway, Cpe.Inform(serial).With("Authorization", DigestClient.Basic(key, Password)));

        Assert.Equal(401, refused.Status);
        Assert.StartsWith("Digest ", Assert.Single(refused.HeaderValues("WWW-Authenticate")), StringComparison.Ordinal);
        Assert.Equal(0, (await Probe(key)).Posts);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Message.Contains("Basic refused over plain HTTP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Basic_over_plain_http_when_allowed_including_preemptive_basic_with_an_empty_password()
    {
        string serial = Cpe.NewSerial();
        string key = CpeXml.DeviceKeyOf(serial);
        await using GatewayHost gateway = await StartAsync(key, new() { ["Cwmp:Auth:AllowBasicWithoutTls"] = "true" });

        HttpReply emptyPassword = await PostOnNewConnection(gateway, Cpe.Inform(serial).With("Authorization", DigestClient.Basic(key, string.Empty)));
        Assert.Equal(401, emptyPassword.Status);
        Assert.Equal(
            ["Digest", "Basic realm=\"Cwmp.Orleans\""],
            emptyPassword.HeaderValues("WWW-Authenticate").Select(h => h.StartsWith("Digest ", StringComparison.Ordinal) ? "Digest" : h));
        HttpReply noColon = await PostOnNewConnection(gateway, Cpe.Inform(serial).With("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(key))));
        Assert.Equal(401, noColon.Status);
        Assert.Equal(0, (await Probe(key)).Posts);

        Cpe.AssertInformResponse(await PostOnNewConnection(gateway, Cpe.Inform(serial).With("Authorization", DigestClient.Basic(key, Password))));
    }

    [Fact]
    public async Task Product_and_derived_passwords_from_the_configuration_store()
    {
        string productSerial = Cpe.NewSerial(), derivedSerial = Cpe.NewSerial();
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, new Dictionary<string, string?>
        {
            ["Cwmp:Auth:Required"] = "true",
            ["Cwmp:Auth:AllowBasicWithoutTls"] = "true",
            ["Cwmp:Auth:Credentials:Products:00D09E-Gateway"] = "product-password",
            ["Cwmp:Auth:Credentials:DerivedSecret"] = "factory-secret",
        });

        Cpe.AssertInformResponse(await PostOnNewConnection(gateway, Cpe.Inform(productSerial).With("Authorization", DigestClient.Basic(CpeXml.DeviceKeyOf(productSerial), "product-password"))));

        // Products win over the derived password; without a product entry the derived one applies.
        await using GatewayHost derived = await GatewayHost.StartAsync(cluster.Client, new Dictionary<string, string?>
        {
            ["Cwmp:Auth:Required"] = "true",
            ["Cwmp:Auth:AllowBasicWithoutTls"] = "true",
            ["Cwmp:Auth:Credentials:DerivedSecret"] = "factory-secret",
        });
        string derivedKey = CpeXml.DeviceKeyOf(derivedSerial);
        string password = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("factory-secret"u8, System.Text.Encoding.UTF8.GetBytes(derivedKey)));
        Cpe.AssertInformResponse(await PostOnNewConnection(derived, Cpe.Inform(derivedSerial).With("Authorization", DigestClient.Basic(derivedKey, password))));
    }

    [Fact]
    public async Task Inform_for_another_device_than_the_authenticated_one_is_403_logged_counted_and_never_forwarded()
    {
        string honest = Cpe.NewSerial(), victim = Cpe.NewSerial();
        string honestKey = CpeXml.DeviceKeyOf(honest), victimKey = CpeXml.DeviceKeyOf(victim);
        await using GatewayHost gateway = await StartAsync(honestKey);
        using var mismatches = gateway.Collect<long>("cwmp.gateway.identity_mismatch");
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string challenge = (await cpe.PostAsync(Cpe.Inform(victim))).Header("WWW-Authenticate")!;

        HttpReply spoofed = await cpe.PostAsync(Cpe.Inform(victim).With("Authorization", DigestClient.Authorization(challenge, honestKey, Password)));

        Assert.Equal(403, spoofed.Status);
        Assert.Equal(0, (await Probe(victimKey)).Posts);
        Assert.Equal(1, mismatches.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Contains(
            gateway.Logs.GetSnapshot(),
            r => r.Level == LogLevel.Warning && r.Message.Contains($"authenticated as {honestKey} but for device {victimKey}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_of_another_device_is_403_as_well()
    {
        string honest = Cpe.NewSerial(), victim = Cpe.NewSerial();
        string honestKey = CpeXml.DeviceKeyOf(honest), victimKey = CpeXml.DeviceKeyOf(victim);
        await using GatewayHost gateway = await StartAsync(honestKey, new() { ["Cwmp:Auth:Credentials:Devices:" + victimKey] = "other" });
        await using CpeConnection victimCpe = await gateway.ConnectAsync();
        string victimChallenge = (await victimCpe.PostAsync(Cpe.Inform(victim))).Header("WWW-Authenticate")!;
        string victimCookie = (await victimCpe.PostAsync(Cpe.Inform(victim).With("Authorization", DigestClient.Authorization(victimChallenge, victimKey, "other")))).SessionCookie();

        await using CpeConnection attacker = await gateway.ConnectAsync();
        string challenge = (await attacker.PostAsync(Cpe.EmptyPost())).Header("WWW-Authenticate")!;
        HttpReply hijack = await attacker.PostAsync(Cpe.EmptyPost().With("Cookie", victimCookie).With("Authorization", DigestClient.Authorization(challenge, honestKey, Password)));

        Assert.Equal(403, hijack.Status);
        Assert.Equal(["Inform"], (await Probe(victimKey)).Methods);
    }

    private Task<GatewayHost> StartAsync(string deviceKey, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Cwmp:Auth:Required"] = "true",
            ["Cwmp:Auth:NonceSecret"] = "shared by every gateway of the test",
            ["Cwmp:Auth:Credentials:Devices:" + deviceKey] = Password,
        };
        foreach ((string name, string? value) in extra ?? [])
        {
            settings[name] = value;
        }

        return GatewayHost.StartAsync(cluster.Client, settings);
    }

    private Task<DeviceProbe> Probe(string deviceKey) => cluster.Client.GetGrain<IDeviceProbeGrain>(deviceKey).GetProbeAsync();

    private static async Task<HttpReply> PostOnNewConnection(GatewayHost gateway, CpeRequest request)
    {
        await using CpeConnection connection = await gateway.ConnectAsync();
        return await connection.PostAsync(request);
    }
}
