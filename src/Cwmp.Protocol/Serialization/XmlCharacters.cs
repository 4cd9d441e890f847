using System.Buffers;

namespace Cwmp.Protocol.Serialization;

/// <summary>The characters XML 1.0 cannot carry, even as character references.</summary>
internal static class XmlCharacters
{
    // Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; surrogate pairs are checked separately.
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\uFFFE\uFFFF");

    /// <summary>Returns <paramref name="text"/> without the characters XML 1.0 forbids (the same instance when there are none).</summary>
    public static string StripInvalid(string text)
    {
        if (!ContainsInvalid(text))
        {
            return text;
        }

        return string.Create(text.Length - CountInvalid(text), text, static (destination, source) =>
        {
            int written = 0;
            for (int i = 0; i < source.Length; i++)
            {
                if (IsValidAt(source, i, out int width))
                {
                    source.AsSpan(i, width).CopyTo(destination[written..]);
                    written += width;
                }

                i += width - 1;
            }
        });
    }

    /// <summary>True when <paramref name="text"/> has a character XML 1.0 cannot carry.</summary>
    public static bool ContainsInvalid(ReadOnlySpan<char> text) =>
        // Nearly every value is plain text from space to U+D7FF: one vectorised pass proves it valid. Only a value with
        // a tab, a line break or a character above U+D7FF needs the two exact passes.
        text.IndexOfAnyExceptInRange('\u0020', '\uD7FF') >= 0 && (text.IndexOfAny(Suspicious) >= 0 || HasLoneSurrogate(text));

    /// <summary>Whether the character at <paramref name="index"/> is allowed; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    public static bool IsValidAt(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return c switch
        {
            '\t' or '\n' or '\r' => true,
            < '\u0020' => false,
            _ when char.IsLowSurrogate(c) => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
    }

    private static int CountInvalid(ReadOnlySpan<char> text)
    {
        int invalid = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out int width))
            {
                invalid += width;
            }

            i += width - 1;
        }

        return invalid;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        int index = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (index < 0)
        {
            return false;
        }

        for (int i = index; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
