using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.Security;

/// <summary>
/// The configured API keys as SHA-256 hashes. A presented key is hashed and compared with every configured hash in
/// constant time, without stopping at a match, so that neither the key nor which entry matched leaks through timing.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly (byte[] Hash, NbiApiKey Key)[] _keys;

    public ApiKeyStore(IOptions<NbiOptions> options)
    {
        _keys =
        [
            .. options.Value.ApiKeys.Select(k => (
                string.IsNullOrEmpty(k.KeySha256) ? Hash(k.Key ?? string.Empty) : ParseHash(k.KeySha256),
                k)),
        ];
    }

    public int Count => _keys.Length;

    /// <summary>The key entry whose hash matches, or null.</summary>
    public NbiApiKey? Find(string presented)
    {
        byte[] hash = Hash(presented);
        NbiApiKey? match = null;
        foreach ((byte[] candidate, NbiApiKey key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate))
            {
                match = key;
            }
        }

        return match;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool TryParseHash(string hex, out byte[] hash)
    {
        hash = [];
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }

    private static byte[] ParseHash(string hex) =>
        TryParseHash(hex, out byte[] hash) ? hash : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{hex}' is not a SHA-256 in hex."));
}
