using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Cwmp.ConnectionRequests;

/// <summary>Builds the Authorization header value that answers a <see cref="DigestChallenge"/>.</summary>
internal static class DigestAuthorization
{
    /// <summary>We answer every challenge exactly once, so the nonce count is always the first.</summary>
    public const string NonceCount = "00000001";

    public static string Create(
        DigestChallenge challenge,
        string username,
        string password,
        string method,
        string digestUri,
        string cnonce)
    {
        string ha1 = Hash(challenge, $"{username}:{challenge.Realm}:{password}");
        if (challenge.Session)
        {
            ha1 = Hash(challenge, $"{ha1}:{challenge.Nonce}:{cnonce}");
        }

        string ha2 = challenge.Qop == "auth-int"
            ? Hash(challenge, $"{method}:{digestUri}:{Hash(challenge, string.Empty)}")
            : Hash(challenge, $"{method}:{digestUri}");
        string response = challenge.Qop is null
            ? Hash(challenge, $"{ha1}:{challenge.Nonce}:{ha2}")
            : Hash(challenge, $"{ha1}:{challenge.Nonce}:{NonceCount}:{cnonce}:{challenge.Qop}:{ha2}");

        var header = new StringBuilder("Digest ");
        AppendQuoted(header, "username", username).Append(", ");
        AppendQuoted(header, "realm", challenge.Realm).Append(", ");
        AppendQuoted(header, "nonce", challenge.Nonce).Append(", ");
        AppendQuoted(header, "uri", digestUri).Append(", ");
        if (challenge.AlgorithmToken is not null)
        {
            header.Append("algorithm=").Append(challenge.AlgorithmToken).Append(", ");
        }

        AppendQuoted(header, "response", response);
        if (challenge.Opaque is not null)
        {
            header.Append(", ");
            AppendQuoted(header, "opaque", challenge.Opaque);
        }

        if (challenge.Qop is not null)
        {
            header.Append(", qop=").Append(challenge.Qop).Append(", nc=").Append(NonceCount).Append(", ");
            AppendQuoted(header, "cnonce", cnonce);
        }
        else if (challenge.Session)
        {
            // RFC 2617 ties cnonce to qop, but the -sess HA1 is computed with it, so the server needs it either way.
            header.Append(", ");
            AppendQuoted(header, "cnonce", cnonce);
        }

        return header.ToString();
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "HTTP Digest as CPEs implement it is MD5; TR-069 names no other algorithm.")]
    private static string Hash(DigestChallenge challenge, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(challenge.UseSha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
    }

    private static StringBuilder AppendQuoted(StringBuilder builder, string name, string value)
    {
        builder.Append(name).Append("=\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"');
    }
}
