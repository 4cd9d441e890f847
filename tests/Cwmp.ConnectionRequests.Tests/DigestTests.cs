namespace Cwmp.ConnectionRequests.Tests;

public sealed class DigestTests
{
    [Fact]
    public void Rfc2617_example_gives_its_published_response()
    {
        DigestChallenge challenge = Select("""Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41" """);

        string header = DigestAuthorization.Create(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b");

        Assert.Equal(
            """Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41", qop=auth, nc=00000001, cnonce="0a4f113b" """.TrimEnd(),
            header);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_examples_give_their_published_responses(string algorithm, string response)
    {
        DigestChallenge challenge = Select($"""Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm={algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS" """);

        string header = DigestAuthorization.Create(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Contains($"response=\"{response}\"", header, StringComparison.Ordinal);
        Assert.Contains($"algorithm={algorithm},", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_reads_several_challenges_quoted_escapes_and_missing_commas()
    {
        List<AuthenticationChallenge> challenges = AuthenticationChallengeParser.Parse(
        [
            """Basic realm="a \"quoted\" realm", Digest realm="r" nonce="n,1"   qop=auth ,algorithm=MD5-sess""",
            "Negotiate abc==",
        ]);

        Assert.Equal(["Basic", "Digest", "Negotiate"], challenges.Select(c => c.Scheme));
        Assert.Equal("a \"quoted\" realm", challenges[0].Parameters["realm"]);
        Assert.Equal(
            new Dictionary<string, string> { ["realm"] = "r", ["nonce"] = "n,1", ["qop"] = "auth", ["algorithm"] = "MD5-sess" },
            challenges[1].Parameters);
    }

    [Fact]
    public void Parameter_names_are_case_insensitive()
    {
        DigestChallenge challenge = Select("""digest REALM="r", Nonce="n", QOP="auth", Algorithm=md5-SESS""");

        Assert.Equal(new DigestChallenge("r", "n", null, "md5-SESS", UseSha256: false, Session: true, "auth"), challenge);
    }

    [Fact]
    public void Sha256_is_preferred_over_md5()
    {
        DigestChallenge? challenge = DigestChallenge.Select(AuthenticationChallengeParser.Parse(
            ["""Digest realm="r", nonce="md5", algorithm=MD5""", """Digest realm="r", nonce="sha", algorithm=SHA-256"""]));

        Assert.Equal("sha", challenge?.Nonce);
    }

    [Theory]
    [InlineData("""Digest realm="r", nonce="n", qop="auth-int" """, "auth-int")]
    [InlineData("""Digest realm="r", nonce="n", qop="auth-int,auth" """, "auth")]
    [InlineData("""Digest realm="r", nonce="n" """, null)]
    public void Qop_choice(string header, string? qop) => Assert.Equal(qop, Select(header).Qop);

    [Theory]
    [InlineData("""Digest realm="r", qop="auth" """)]
    [InlineData("""Digest realm="r", nonce="n", algorithm=SHA-512-256""")]
    [InlineData("""Digest realm="r", nonce="n", qop="token" """)]
    [InlineData("""Basic realm="r" """)]
    [InlineData("")]
    public void Unusable_challenges_are_not_selected(string header) =>
        Assert.Null(DigestChallenge.Select(AuthenticationChallengeParser.Parse([header])));

    [Fact]
    public void Auth_int_hashes_the_empty_body()
    {
        DigestChallenge challenge = Select("""Digest realm="r", nonce="n", qop="auth-int" """);
        string ha1 = Md5("u:r:p");
        string ha2 = Md5($"GET:/cr:{Md5(string.Empty)}");

        string header = DigestAuthorization.Create(challenge, "u", "p", "GET", "/cr", "c");

        Assert.Contains($"response=\"{Md5($"{ha1}:n:00000001:c:auth-int:{ha2}")}\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_and_backslashes_in_values_are_escaped()
    {
        DigestChallenge challenge = Select("""Digest realm="r\"1", nonce="n" """);

        string header = DigestAuthorization.Create(challenge, "us\"er\\", "p", "GET", "/", "c");

        Assert.StartsWith("""Digest username="us\"er\\", realm="r\"1", """, header, StringComparison.Ordinal);
    }

    private static DigestChallenge Select(string header) =>
        DigestChallenge.Select(AuthenticationChallengeParser.Parse([header])) ?? throw new InvalidOperationException("no usable challenge");

    private static string Md5(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
