using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Swarm.Http;

/// <summary>RFC 2617 / 7616 Digest with MD5, the algorithm TR-069 requires of CPEs and ACSs (checklist §1, §4).</summary>
internal static class DigestMath
{
    public static string Md5Hex(string text)
    {
#pragma warning disable CA5351 // MD5 is what HTTP Digest in TR-069 mandates; it is not used for anything else.
        byte[] hash = MD5.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The request-digest of RFC 7616 §3.4.1 (with qop) or RFC 2069 (without).</summary>
    public static string Response(string algorithm, string username, string realm, string password, string nonce, string? cnonce, string? nc, string? qop, string method, string uri)
    {
        string ha1 = Md5Hex($"{username}:{realm}:{password}");
        if (algorithm.Equals("MD5-sess", StringComparison.OrdinalIgnoreCase))
        {
            ha1 = Md5Hex($"{ha1}:{nonce}:{cnonce}");
        }

        string ha2 = Md5Hex($"{method}:{uri}");
        return qop is null ? Md5Hex($"{ha1}:{nonce}:{ha2}") : Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }
}
