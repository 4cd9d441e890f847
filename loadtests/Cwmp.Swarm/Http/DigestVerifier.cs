using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Swarm.Http;

/// <summary>
/// The server side of Digest (MD5, qop=auth) for connection requests: stateless nonces (a timestamp and its HMAC
/// under a per-swarm key) valid for five minutes, so that 100,000 devices need no nonce table.
/// </summary>
internal sealed class DigestVerifier(TimeProvider timeProvider)
{
    public const string Realm = "Cwmp.Swarm connection request";
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Challenge(bool stale = false)
    {
        string nonce = NewNonce();
        return $"Digest realm=\"{Realm}\", qop=\"auth\", nonce=\"{nonce}\", algorithm=MD5{(stale ? ", stale=true" : string.Empty)}";
    }

    /// <summary>Checks an Authorization header against the expected credentials.</summary>
    public DigestResult Verify(string? authorization, string method, string expectedUsername, string expectedPassword)
    {
        if (authorization is null)
        {
            return DigestResult.Missing;
        }

        (string scheme, Dictionary<string, string> p) = AuthParameters.ParseHeader(authorization);
        if (!scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase)
            || !p.TryGetValue("username", out string? username) || !p.TryGetValue("nonce", out string? nonce)
            || !p.TryGetValue("uri", out string? uri) || !p.TryGetValue("response", out string? response))
        {
            return DigestResult.Invalid;
        }

        if (!NonceIsValid(nonce, out bool expired))
        {
            return expired ? DigestResult.Stale : DigestResult.Invalid;
        }

        if (username != expectedUsername)
        {
            return DigestResult.Invalid;
        }

        string? qop = p.GetValueOrDefault("qop");
        string expected = DigestMath.Response(
            p.GetValueOrDefault("algorithm", "MD5"), username, p.GetValueOrDefault("realm", Realm), expectedPassword, nonce,
            p.GetValueOrDefault("cnonce"), p.GetValueOrDefault("nc"), qop, method, uri);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant()))
            ? DigestResult.Valid
            : DigestResult.Invalid;
    }

    private string NewNonce()
    {
        string stamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Sign(stamp);
    }

    private bool NonceIsValid(string nonce, out bool expired)
    {
        expired = false;
        int dot = nonce.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(nonce.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(nonce[(dot + 1)..]), Encoding.ASCII.GetBytes(Sign(nonce[..dot]))))
        {
            return false;
        }

        expired = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > NonceLifetime;
        return !expired;
    }

    private string Sign(string stamp) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(stamp)))[..32];
}

internal enum DigestResult
{
    Valid,
    Missing,
    Invalid,
    Stale,
}
