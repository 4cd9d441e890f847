using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>
/// The server side of Digest, written apart from the client's code so that the tests check the client against an
/// independent computation (RFC 7616 §3.4.1–3.4.3).
/// </summary>
internal static partial class DigestVerifier
{
    public static Dictionary<string, string> ParseParameters(string header)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in ParameterPattern().Matches(header))
        {
            string value = match.Groups["quoted"].Success
                ? Regex.Replace(match.Groups["quoted"].Value, @"\\(.)", "$1")
                : match.Groups["token"].Value;
            parameters[match.Groups["name"].Value] = value;
        }

        return parameters;
    }

    public static bool Verify(string authorization, string method, string target, CpeBehavior cpe, string nonce, string opaque)
    {
        if (!authorization.StartsWith("Digest ", StringComparison.Ordinal))
        {
            return false;
        }

        Dictionary<string, string> p = ParseParameters(authorization["Digest ".Length..]);
        if (p.GetValueOrDefault("username") != cpe.Username
            || p.GetValueOrDefault("realm") != cpe.Realm
            || p.GetValueOrDefault("nonce") != nonce
            || p.GetValueOrDefault("opaque") != opaque
            || p.GetValueOrDefault("uri") != target
            || p.GetValueOrDefault("qop") != cpe.Qop
            || p.GetValueOrDefault("algorithm") != cpe.Algorithm)
        {
            return false;
        }

        string algorithm = cpe.Algorithm ?? "MD5";
        bool sha256 = algorithm.StartsWith("SHA-256", StringComparison.OrdinalIgnoreCase);
        string h(string s) => Convert.ToHexStringLower(sha256 ? SHA256.HashData(Encoding.UTF8.GetBytes(s)) : MD5.HashData(Encoding.UTF8.GetBytes(s)));

        string ha1 = h($"{cpe.Username}:{cpe.Realm}:{cpe.Password}");
        if (algorithm.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            if (!p.TryGetValue("cnonce", out string? sessionCnonce))
            {
                return false;
            }

            ha1 = h($"{ha1}:{nonce}:{sessionCnonce}");
        }

        string ha2 = h($"{method}:{target}");
        string expected = cpe.Qop is null
            ? h($"{ha1}:{nonce}:{ha2}")
            : h($"{ha1}:{nonce}:{p.GetValueOrDefault("nc")}:{p.GetValueOrDefault("cnonce")}:{cpe.Qop}:{ha2}");
        return p.GetValueOrDefault("response") == expected;
    }

    [GeneratedRegex("""(?<name>[A-Za-z-]+)=(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<token>[^,\s]+))""")]
    private static partial Regex ParameterPattern();
}
