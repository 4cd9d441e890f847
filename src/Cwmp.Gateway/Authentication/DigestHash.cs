using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Gateway.Authentication;

/// <summary>The Digest response computation of RFC 7616 §3.4.1 (and RFC 2069 when the client sends no qop).</summary>
internal static class DigestHash
{
    public static bool IsSupported(string? algorithm) => algorithm is null || Normalize(algorithm) is not null;

    /// <summary>The expected response, lower-case hex; null for an algorithm we do not know.</summary>
    public static string? ComputeResponse(DigestCredentials credentials, string realm, string password, string method)
    {
        string? algorithm = Normalize(credentials.Algorithm ?? "MD5");
        if (algorithm is null)
        {
            return null;
        }

        bool sha256 = algorithm.StartsWith("SHA-256", StringComparison.Ordinal);
        string ha1 = Hash(sha256, $"{credentials.Username}:{realm}:{password}");
        if (algorithm.EndsWith("-sess", StringComparison.Ordinal))
        {
            ha1 = Hash(sha256, $"{ha1}:{credentials.Nonce}:{credentials.ClientNonce}");
        }

        string ha2 = Hash(sha256, $"{method}:{credentials.Uri}");
        return credentials.Qop is null
            ? Hash(sha256, $"{ha1}:{credentials.Nonce}:{ha2}")
            : Hash(sha256, $"{ha1}:{credentials.Nonce}:{credentials.NonceCount}:{credentials.ClientNonce}:{credentials.Qop}:{ha2}");
    }

    private static string? Normalize(string algorithm) => algorithm.ToUpperInvariant() switch
    {
        "MD5" => "MD5",
        "MD5-SESS" => "MD5-sess",
        "SHA-256" => "SHA-256",
        "SHA-256-SESS" => "SHA-256-sess",
        _ => null,
    };

    private static string Hash(bool sha256, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // HTTP Digest as TR-069 CPEs implement it is defined over MD5; there is no choice here.
        return Convert.ToHexStringLower(sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
#pragma warning restore CA5351
    }
}
