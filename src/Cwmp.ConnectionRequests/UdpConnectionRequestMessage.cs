using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// The UDP connection request datagram (TR-069 Annex G, TR-111 part 2): an HTTP GET request line whose query carries
/// ts (Unix time in seconds), id, un (the connection request username), cn (a random cnonce) and sig, the hex
/// HMAC-SHA1 keyed with the connection request password over the concatenation ts‖id‖un‖cn.
/// </summary>
internal static class UdpConnectionRequestMessage
{
    public static byte[] Build(string authority, long unixSeconds, uint id, string username, string cnonce, string password)
    {
        string ts = unixSeconds.ToString(CultureInfo.InvariantCulture);
        string idText = id.ToString(CultureInfo.InvariantCulture);
        string signature = Sign(password, ts + idText + username + cnonce);
        string text =
            $"GET http://{authority}?ts={ts}&id={idText}&un={EscapeQueryValue(username)}&cn={cnonce}&sig={signature} HTTP/1.1\r\n" +
            $"Host: {authority}\r\n\r\n";
        return Encoding.UTF8.GetBytes(text);
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "TR-069 Annex G defines the signature as HMAC-SHA1.")]
    public static string Sign(string password, string message) =>
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(message)));

    /// <summary>
    /// The signature covers the username as it is; only characters that would break the request line or the query
    /// (space, '&amp;', '#', '%', '+', '?', controls, non-ASCII) are percent-encoded, so a plain username goes out
    /// unchanged.
    /// </summary>
    private static string EscapeQueryValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c > ' ' && c < 0x7F && c is not ('&' or '#' or '%' or '+' or '?'))
            {
                builder.Append(c);
                continue;
            }

            int length = char.IsHighSurrogate(c) && i + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            foreach (byte b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
