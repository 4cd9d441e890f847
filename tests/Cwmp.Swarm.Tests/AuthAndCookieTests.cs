using Cwmp.Protocol;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Tests.Acs;

namespace Cwmp.Swarm.Tests;

/// <summary>HTTP authentication towards the ACS (username = device key) and session cookies.</summary>
public sealed class AuthAndCookieTests
{
    [Fact]
    public async Task Digest_is_answered_once_and_then_sent_preemptively_with_a_growing_nonce_count()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { PasswordScheme = "hmac:acs-secret" });
        h.Acs.Auth = AcsAuth.Digest;
        h.Acs.PasswordFor = PasswordScheme.Parse("hmac:acs-secret").PasswordFor;
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.DeviceInfo.SerialNumber"]));
        var inform = await h.FirstContactAsync();
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], inform.EventCodes);
        Assert.Equal(1, h.Acs.Challenges);

        ReceivedPost[] posts = [.. h.Acs.Posts];
        Assert.Equal(4, posts.Length);
        Assert.Null(posts[0].Authorization);
        Assert.All(posts[1..], p => Assert.StartsWith($"Digest username=\"{h.Key()}\", realm=\"mini-acs\"", p.Authorization, StringComparison.Ordinal));
        Assert.Equal(["nc=00000001", "nc=00000002", "nc=00000003"], posts[1..].Select(p => p.Authorization!.Split(", ").Single(x => x.StartsWith("nc=", StringComparison.Ordinal))));
        Assert.All(posts[1..], p => Assert.Contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", p.Authorization, StringComparison.Ordinal));
        Assert.Equal(0, h.Swarm.Context.Statistics.SessionsFailed);
    }

    [Fact]
    public async Task Basic_is_answered_when_the_ACS_asks_for_it()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { PasswordScheme = "fixed:s3cret" });
        h.Acs.Auth = AcsAuth.Basic;
        h.Acs.PasswordFor = _ => "s3cret";
        await h.FirstContactAsync();
        string expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{h.Key()}:s3cret"));
        Assert.Equal([null, expected, expected], h.Acs.Posts.Select(p => p.Authorization));
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_session_as_auth_and_it_is_retried()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { PasswordScheme = "fixed:wrong" }, random: 0);
        h.Acs.Auth = AcsAuth.Digest;
        h.Acs.PasswordFor = _ => "right";
        Task failed = h.WaitForTurnAsync(c => c.RetryCount == 1, "the refused session");
        h.Swarm.ScheduleFirstContact(h.Device(), Swarm.FirstContact.Bootstrap, h.Time.GetUtcNow().UtcTicks);
        await failed;
        Assert.Equal(2, h.Acs.Challenges);
        Assert.Equal(1, h.Swarm.Context.Statistics.TotalFailuresOf("auth"));
        Assert.Empty(h.Acs.Informs);
        Assert.False(h.Device().Bootstrapped);
    }

    [Fact]
    public void Password_schemes_derive_the_password_from_the_device_key()
    {
        Assert.Equal("ACDE48-SwarmGW-SW0000000001", PasswordScheme.Parse("same-as-key").PasswordFor("ACDE48-SwarmGW-SW0000000001"));
        Assert.Equal("pw", PasswordScheme.Parse("fixed:pw").PasswordFor("ACDE48-SwarmGW-SW0000000001"));
        string hmac = PasswordScheme.Parse("hmac:k").PasswordFor("ACDE48-SwarmGW-SW0000000001");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("k"u8, "ACDE48-SwarmGW-SW0000000001"u8))[..16], hmac);
        Assert.Throws<ArgumentException>(() => PasswordScheme.Parse("fixed:"));
        Assert.Throws<ArgumentException>(() => PasswordScheme.Parse("plain"));
    }

    [Fact]
    public async Task The_session_cookie_is_echoed_on_every_later_POST_of_the_session_and_dropped_after_it()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        h.Acs.Enqueue(h.Key(), new GetRPCMethods());
        var first = await h.FirstContactAsync();
        var second = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(3600));
        ReceivedPost[] posts = [.. h.Acs.Posts];
        Assert.Equal(
            [null, $"acs-session={first.SessionId}", $"acs-session={first.SessionId}", null, $"acs-session={second.SessionId}"],
            posts.Select(p => p.Cookie));
    }

    [Fact]
    public async Task A_device_without_cookies_never_sends_one_and_its_session_holds_by_connection()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { QuirkShare = 1, QuirkProfiles = ["no-cookies"] });
        h.Acs.Enqueue(h.Key(), new GetParameterValues(["Device.DeviceInfo.SerialNumber"]));
        await h.FirstContactAsync();
        Assert.All(h.Acs.Posts, p => Assert.Null(p.Cookie));
        Assert.Equal("SW0000000000", ((GetParameterValuesResponse)Assert.Single(h.Acs.Exchanges).Answer).ParameterList[0].Value);
    }
}
