using System.Security.Cryptography;
using System.Text;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// How a device's password is derived from its key, so that an ACS can be configured with the same rule:
/// "same-as-key", "fixed:TEXT", or "hmac:SECRET" (the first 16 hex digits of HMAC-SHA256(SECRET, key)).
/// </summary>
internal sealed class PasswordScheme
{
    private readonly string _kind;
    private readonly string _argument;

    private PasswordScheme(string kind, string argument)
    {
        _kind = kind;
        _argument = argument;
    }

    public static PasswordScheme Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? text : text[..colon];
        string argument = colon < 0 ? string.Empty : text[(colon + 1)..];
        return kind switch
        {
            "same-as-key" => new PasswordScheme(kind, argument),
            "fixed" or "hmac" when argument.Length > 0 => new PasswordScheme(kind, argument),
            _ => throw new ArgumentException($"Unknown password scheme '{text}': use same-as-key, fixed:TEXT or hmac:SECRET."),
        };
    }

    public string PasswordFor(string deviceKey) => _kind switch
    {
        "fixed" => _argument,
        "hmac" => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_argument), Encoding.UTF8.GetBytes(deviceKey)))[..16],
        _ => deviceKey,
    };

    public override string ToString() => _argument.Length == 0 ? _kind : $"{_kind}:{_argument}";
}
