using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Swarm.Tests.Acs;

/// <summary>
/// The mini-ACS's own Digest (RFC 7616, MD5, qop=auth) check, written apart from the swarm's code so that the
/// swarm's client is tested against an independent implementation.
/// </summary>
internal static class AcsDigest
{
    public const string Realm = "mini-acs";

    public static string Challenge(string nonce) => $"Digest realm=\"{Realm}\", qop=\"auth\", nonce=\"{nonce}\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5";

    public static bool Verify(string header, string method, string expectedUser, string password, ISet<string> nonces, out int nonceCount)
    {
        nonceCount = 0;
        if (!header.StartsWith("Digest ", StringComparison.Ordinal))
        {
            return false;
        }

        var p = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in SplitParameters(header["Digest ".Length..]))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                p[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
            }
        }

        if (p.GetValueOrDefault("username") != expectedUser || p.GetValueOrDefault("realm") != Realm
            || !nonces.Contains(p.GetValueOrDefault("nonce") ?? string.Empty) || p.GetValueOrDefault("qop") != "auth")
        {
            return false;
        }

        nonceCount = Convert.ToInt32(p["nc"], 16);
        string ha1 = Md5($"{expectedUser}:{Realm}:{password}");
        string ha2 = Md5($"{method}:{p["uri"]}");
        return p["response"] == Md5($"{ha1}:{p["nonce"]}:{p["nc"]}:{p["cnonce"]}:auth:{ha2}");
    }

    private static IEnumerable<string> SplitParameters(string text)
    {
        var current = new StringBuilder();
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        yield return current.ToString();
    }

#pragma warning disable CA5351 // HTTP Digest as TR-069 uses it.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
