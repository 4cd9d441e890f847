using System.Numerics;
using System.Text;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// A pass over the body before <see cref="System.Xml.XmlReader"/> reads it, refusing what the reader would build
/// whole in memory before the parser sees the element and can apply its own limits: a tag longer than
/// <see cref="CwmpParserOptions.MaxTagLength"/> (the reader builds every attribute of a start tag at once, some 300
/// bytes each, in a time that grows faster than their number, and copies a long name or attribute value several
/// times), and a CDATA section or text run too long to be a value within <see cref="CwmpParserOptions.MaxStringLength"/>
/// (so that the parser may take a text node's string whole). Comments and processing instructions the reader takes
/// in pieces, so they need no pass.
/// </summary>
internal static class MarkupLimits
{
    // The most units (bytes, or UTF-16 chars) one character of a value can take: three UTF-8 bytes, or a CR LF pair
    // that the reader turns into one LF. A CDATA section longer than this many times the limit is too long a value.
    private const int MaxUnitsPerCharacter = 3;

    // Character references make the longest runs per character: "&#x10FFFF;" is 10 units for 2 characters.
    private const int MaxTextUnitsPerCharacter = 5;

    public static void Check(ReadOnlySpan<byte> body, Encoding? charset, CwmpParserOptions options)
    {
        long cdataLimit = (long)options.MaxStringLength * MaxUnitsPerCharacter;
        long textLimit = (long)options.MaxStringLength * MaxTextUnitsPerCharacter;

        // A body no longer than the smallest limit cannot hold anything too long: most Informs and responses are
        // a few kilobytes, and skipping the pass saves a fifth of their parse time. (A UTF-16/32 body has fewer
        // characters than bytes, so its byte length bounds it too.)
        if (body.Length <= Math.Min(options.MaxTagLength, Math.Min(cdataLimit, textLimit)))
        {
            return;
        }

        if (BodyEncoding.NotAsciiCompatible(body, charset) is { } encoding)
        {
            Scan<char>(encoding.GetString(body), options.MaxTagLength, cdataLimit, textLimit);
        }
        else
        {
            Scan(body, options.MaxTagLength, cdataLimit, textLimit);
        }
    }

    private static void Scan<T>(ReadOnlySpan<T> text, int tagLimit, long cdataLimit, long textLimit)
        where T : unmanaged, IBinaryInteger<T>
    {
        Span<T> markers = stackalloc T[25];
        ReadOnlySpan<T> commentStart = Ascii("<!--", markers[..4]);
        ReadOnlySpan<T> commentEnd = Ascii("-->", markers[4..7]);
        ReadOnlySpan<T> cdataStart = Ascii("<![CDATA[", markers[7..16]);
        ReadOnlySpan<T> cdataEnd = Ascii("]]>", markers[16..19]);
        ReadOnlySpan<T> piStart = Ascii("<?", markers[19..21]);
        ReadOnlySpan<T> piEnd = Ascii("?>", markers[21..23]);
        ReadOnlySpan<T> declarationStart = Ascii("<!", markers[23..25]);
        T lessThan = T.CreateTruncating('<');

        int position = 0;
        while (true)
        {
            int start = text[position..].IndexOf(lessThan);
            if (start < 0)
            {
                return;
            }

            // A text run this long cannot be a value within the string limit; refusing it here lets the reader take a
            // text node's string from XmlReader whole without building an oversized one first.
            if (start > textLimit)
            {
                throw new CwmpParseException(CwmpParseError.StringTooLong, $"A text run of {start} units is too long for a value within the string limit.");
            }

            ReadOnlySpan<T> rest = text[(position + start)..];
            int length;
            if (rest.StartsWith(commentStart))
            {
                length = LengthTo(rest, commentEnd);
            }
            else if (rest.StartsWith(cdataStart))
            {
                length = LengthTo(rest, cdataEnd);
                long content = (length < 0 ? rest.Length : length - cdataEnd.Length) - cdataStart.Length;
                if (content > cdataLimit)
                {
                    throw new CwmpParseException(CwmpParseError.StringTooLong, $"A CDATA section of {content} units is too long for a value within the string limit.");
                }
            }
            else if (rest.StartsWith(piStart))
            {
                length = LengthTo(rest, piEnd);
            }
            else if (rest.StartsWith(declarationStart))
            {
                // A DOCTYPE, which the reader refuses right there, or markup it reports as malformed.
                return;
            }
            else
            {
                length = TagLength(rest, tagLimit);
            }

            // Unterminated: the reader reports it where the body ends.
            if (length < 0)
            {
                return;
            }

            position += start + length;
        }
    }

    /// <summary>The length of <paramref name="text"/> up to and with <paramref name="end"/>, or -1 without one.</summary>
    private static int LengthTo<T>(ReadOnlySpan<T> text, ReadOnlySpan<T> end)
        where T : IEquatable<T>
    {
        int index = text.IndexOf(end);
        return index < 0 ? -1 : index + end.Length;
    }

    /// <summary>
    /// The length of the tag that starts <paramref name="text"/>, to its first '&gt;' outside a quoted attribute
    /// value, or -1 when it is not closed. Refused when longer than <paramref name="limit"/>, closed or not: the
    /// reader would hold all of it either way.
    /// </summary>
    private static int TagLength<T>(ReadOnlySpan<T> text, int limit)
        where T : unmanaged, IBinaryInteger<T>
    {
        T greaterThan = T.CreateTruncating('>');
        T quote = T.CreateTruncating('"');
        T apostrophe = T.CreateTruncating('\'');
        int length = -1;
        int i = 1;
        while (i < text.Length && i <= limit)
        {
            int next = text[i..].IndexOfAny(greaterThan, quote, apostrophe);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == greaterThan)
            {
                length = i + 1;
                break;
            }

            int closing = text[(i + 1)..].IndexOf(text[i]);
            if (closing < 0)
            {
                break;
            }

            i += closing + 2;
        }

        if ((length < 0 ? text.Length : length) > limit)
        {
            throw new CwmpParseException(CwmpParseError.TagTooLong, $"A tag is longer than {limit} units (bytes, or characters of a UTF-16/32 body).");
        }

        return length;
    }

    private static ReadOnlySpan<T> Ascii<T>(string value, Span<T> buffer)
        where T : IBinaryInteger<T>
    {
        for (int i = 0; i < value.Length; i++)
        {
            buffer[i] = T.CreateTruncating(value[i]);
        }

        return buffer;
    }
}
