using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>A Digest client written from RFC 7616 for the tests, independent of the gateway's code.</summary>
internal static partial class DigestClient
{
    public static Dictionary<string, string> ParseChallenge(string header)
    {
        Assert.StartsWith("Digest ", header, StringComparison.Ordinal);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Parameter().Matches(header[7..]))
        {
            parameters[match.Groups["name"].Value] = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["token"].Value;
        }

        return parameters;
    }

    public static string Authorization(
        string challenge,
        string username,
        string password,
        string algorithm = "MD5",
        int nonceCount = 1,
        string cnonce = "0a4f113b",
        string uri = GatewayHost.Path)
    {
        Dictionary<string, string> c = ParseChallenge(challenge);
        string realm = c["realm"], nonce = c["nonce"];
        string nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        string ha1 = Md5($"{username}:{realm}:{password}");
        if (algorithm == "MD5-sess")
        {
            ha1 = Md5($"{ha1}:{nonce}:{cnonce}");
        }

        string ha2 = Md5($"POST:{uri}");
        string response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm={algorithm}, "
            + $"qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\", opaque=\"{c["opaque"]}\"";
    }

    public static string Basic(string username, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));

#pragma warning disable CA5351 // Digest is MD5 by definition.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    [GeneratedRegex("(?<name>[A-Za-z-]+)=(?:\"(?<quoted>[^\"]*)\"|(?<token>[^,\\s]+))")]
    private static partial Regex Parameter();
}
