using System.Text;

namespace Cwmp.Protocol;

/// <summary>
/// The canonical device key: <c>esc(OUI)-esc(ProductClass)-esc(SerialNumber)</c>, or <c>esc(OUI)-esc(SerialNumber)</c>
/// when ProductClass is empty. esc percent-encodes, as UTF-8 with upper-case hex, every character outside
/// [A-Za-z0-9_], so '-' never occurs inside a part and the key splits back unambiguously. It is also the
/// HTTP username TR-069 expects from a CPE (checklist §1, §5).
/// </summary>
public static class DeviceKey
{
    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    public static string Format(string oui, string productClass, string serialNumber)
    {
        var builder = new StringBuilder(oui.Length + productClass.Length + serialNumber.Length + 8);
        Escape(oui, builder);
        builder.Append('-');
        if (productClass.Length > 0)
        {
            Escape(productClass, builder);
            builder.Append('-');
        }

        Escape(serialNumber, builder);
        return builder.ToString();
    }

    /// <summary>Splits a key back into its parts; ProductClass is empty for a two-part key.</summary>
    public static bool TryParse(string key, out string oui, out string productClass, out string serialNumber)
    {
        oui = productClass = serialNumber = string.Empty;
        string[] parts = key.Split('-');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        string?[] decoded = new string?[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            decoded[i] = Unescape(parts[i]);
            if (decoded[i] is null || (decoded[i]!.Length == 0 && i != 1))
            {
                return false;
            }
        }

        oui = decoded[0]!;
        if (parts.Length == 3)
        {
            productClass = decoded[1]!;
            serialNumber = decoded[2]!;
            return productClass.Length > 0;
        }

        serialNumber = decoded[1]!;
        return serialNumber.Length > 0;
    }

    /// <summary>Percent-encodes one part of a key.</summary>
    public static string Escape(string part)
    {
        var builder = new StringBuilder(part.Length);
        Escape(part, builder);
        return builder.ToString();
    }

    private static void Escape(string part, StringBuilder builder)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
                continue;
            }

            int length = char.IsHighSurrogate(c) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1])
                ? Encoding.UTF8.GetBytes(part.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(part.AsSpan(i, 1), utf8);
            foreach (byte b in utf8[..length])
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static string? Unescape(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part.AsSpan().ContainsAnyExcept(KeyCharacters) ? null : part;
        }

        var bytes = new List<byte>(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] != '%')
            {
                if (!KeyCharacters.Contains(part[i]))
                {
                    return null;
                }

                bytes.Add((byte)part[i]);
                continue;
            }

            if (i + 2 >= part.Length || !byte.TryParse(part.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out byte b))
            {
                return null;
            }

            bytes.Add(b);
            i += 2;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
