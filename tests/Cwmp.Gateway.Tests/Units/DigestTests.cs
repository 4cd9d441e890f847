using Cwmp.Gateway.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Gateway.Tests.Units;

public sealed class DigestTests
{
    [Fact]
    public void Response_matches_the_rfc_2617_example()
    {
        DigestCredentials credentials = DigestCredentials.TryParse(
            "username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
            + "qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")!;

        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestHash.ComputeResponse(credentials, "testrealm@host.com", "Circle Of Life", "GET"));
    }

    [Fact]
    public void Response_without_qop_follows_rfc_2069()
    {
        DigestCredentials credentials = new("Mufasa", "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "x", null, null, null, null);

        // H(H(A1):nonce:H(A2)) with the RFC 2617 example's A1 and A2.
        Assert.Equal("670fd8c2df070c60b045671b8b24ff02", DigestHash.ComputeResponse(credentials, "testrealm@host.com", "Circle Of Life", "GET"));
    }

    [Fact]
    public void Parameters_are_read_quoted_or_not_in_any_case_with_escapes()
    {
        DigestCredentials? credentials = DigestCredentials.TryParse(
            " USERNAME=\"a\\\"b\" ,Realm=r, nonce=\"n\",uri=/acs,response=ABC, Algorithm=\"MD5-sess\", QOP=\"auth\", NC=00000002, CNonce=c, unknown=\"x\"");

        Assert.Equal(new DigestCredentials("a\"b", "r", "n", "/acs", "ABC", "MD5-sess", "auth", "00000002", "c"), credentials);
    }

    [Theory]
    [InlineData("username=\"u\", nonce=\"n\"")]
    [InlineData("username=\"u, nonce=\"n\", response=\"r\"")]
    [InlineData("username \"u\", nonce=\"n\", response=\"r\"")]
    [InlineData("")]
    public void Malformed_or_incomplete_parameters_are_refused(string parameters) =>
        Assert.Null(DigestCredentials.TryParse(parameters));

    [Fact]
    public void Nonces_are_valid_until_their_lifetime_then_stale()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DigestNonceService nonces = Nonces("secret", time);
        string nonce = nonces.Create();

        Assert.Equal(64, nonce.Length);
        Assert.Equal(NonceValidity.Valid, nonces.Validate(nonce));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(NonceValidity.Valid, nonces.Validate(nonce));
        time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond));
        Assert.Equal(NonceValidity.Stale, nonces.Validate(nonce));
    }

    [Fact]
    public void Nonces_verify_across_instances_with_the_same_secret_only()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        string nonce = Nonces("secret", time).Create();

        Assert.Equal(NonceValidity.Valid, Nonces("secret", time).Validate(nonce));
        Assert.Equal(NonceValidity.Invalid, Nonces("other", time).Validate(nonce));
        Assert.Equal(NonceValidity.Invalid, Nonces(null, time).Validate(nonce));
        Assert.True(Nonces(null, time).IsEphemeral);
        Assert.False(Nonces("secret", time).IsEphemeral);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not hex at all")]
    [InlineData("00")]
    public void Malformed_nonces_are_invalid(string nonce) =>
        Assert.Equal(NonceValidity.Invalid, Nonces("secret", TimeProvider.System).Validate(nonce));

    [Fact]
    public void Tampered_and_future_nonces_are_invalid()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DigestNonceService nonces = Nonces("secret", time);
        string nonce = nonces.Create();
        char[] tampered = nonce.ToCharArray();
        tampered[10] = tampered[10] == '0' ? '1' : '0';

        Assert.Equal(NonceValidity.Invalid, nonces.Validate(new string(tampered)));

        // Issued by a gateway whose clock is two minutes ahead: beyond the tolerated skew.
        string future = Nonces("secret", new FakeTimeProvider(time.GetUtcNow() + TimeSpan.FromMinutes(2))).Create();
        Assert.Equal(NonceValidity.Invalid, nonces.Validate(future));
        string slightlyAhead = Nonces("secret", new FakeTimeProvider(time.GetUtcNow() + TimeSpan.FromSeconds(30))).Create();
        Assert.Equal(NonceValidity.Valid, nonces.Validate(slightlyAhead));
    }

    private static DigestNonceService Nonces(string? secret, TimeProvider time) =>
        new(Options.Create(new CwmpAuthOptions { NonceSecret = secret }), time);
}
