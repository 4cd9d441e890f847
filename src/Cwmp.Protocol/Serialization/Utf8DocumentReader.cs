using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Decodes a UTF-8 body straight into the buffer of the <see cref="System.Xml.XmlReader"/> that reads it. Given a
/// <see cref="Stream"/>, XmlReader allocates a 4 KB byte buffer and a decoder besides its character buffer for every
/// document; for a typical Inform that is a fifth of everything the parse allocates. Decoding is strict, like
/// XmlReader's own UTF-8 decoder: invalid bytes end the parse, they are never replaced.
/// </summary>
/// <remarks>
/// Used only for a document that is certainly UTF-8 (see <see cref="TryOpen"/>); any other document goes through
/// XmlReader's own encoding detection, which honours byte-order marks and the declaration's encoding.
/// </remarks>
internal sealed class Utf8DocumentReader : TextReader
{
    private const int LongestDeclaration = 256;

    private readonly ReadOnlyMemory<byte> _utf8;
    private int _position;

    // Set when the caller's buffer had room for only the first half of a surrogate pair.
    private char _pendingLowSurrogate;

    private Utf8DocumentReader(ReadOnlyMemory<byte> utf8, int start)
    {
        _utf8 = utf8;
        _position = start;
    }

    /// <summary>
    /// Opens <paramref name="body"/> when it is certainly UTF-8: it starts (after an optional UTF-8 byte-order mark)
    /// with '&lt;', and either has no XML declaration or one whose encoding is absent or UTF-8. Returns null for
    /// anything else, including a declaration this method does not fully understand.
    /// </summary>
    public static Utf8DocumentReader? TryOpen(ReadOnlyMemory<byte> body)
    {
        ReadOnlySpan<byte> span = body.Span;
        int start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        ReadOnlySpan<byte> document = span[start..];
        if (document.Length < 2 || document[0] != (byte)'<' || document[1] == 0)
        {
            return null;
        }

        if (!document.StartsWith("<?xml"u8))
        {
            return new Utf8DocumentReader(body, start);
        }

        if (!DeclaresUtf8(document))
        {
            return null;
        }

        return new Utf8DocumentReader(body, start + StandardDeclarationLength(document));
    }

    public override int Peek() => -1;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int written = 0;
        if (_pendingLowSurrogate != '\0')
        {
            buffer[0] = _pendingLowSurrogate;
            _pendingLowSurrogate = '\0';
            written = 1;
        }

        // Not the final block: like XmlReader's own decoder, an incomplete sequence at the very end is left unread
        // rather than rejected.
        ReadOnlySpan<byte> rest = _utf8.Span[_position..];
        OperationStatus status = Utf8.ToUtf16(rest, buffer[written..], out int bytesRead, out int charsWritten, replaceInvalidSequences: false, isFinalBlock: false);
        _position += bytesRead;
        written += charsWritten;
        if (written > 0 || status is OperationStatus.Done or OperationStatus.NeedMoreData)
        {
            return written;
        }

        if (status == OperationStatus.DestinationTooSmall)
        {
            // Room for one character, and the next is a surrogate pair: hand over its first half now.
            Span<char> pair = stackalloc char[2];
            Utf8.ToUtf16(rest, pair, out bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: false);
            _position += bytesRead;
            buffer[0] = pair[0];
            _pendingLowSurrogate = pair[1];
            return 1;
        }

        // Invalid bytes, reached only once everything before them has been read (as with XmlReader's decoder).
        throw new DecoderFallbackException(
            $"Invalid UTF-8 at byte {_position}.",
            rest[..Math.Min(rest.Length, 4)].ToArray(),
            _position);
    }

    /// <summary>
    /// The length of the XML declaration at the start of <paramref name="document"/> when it is one of the few that
    /// CPEs write (version 1.0, UTF-8 or no encoding, no standalone), or 0. Such a declaration tells XmlReader nothing
    /// this reader has not already decided, so it is not handed over: parsing it costs XmlReader more than a start tag.
    /// Any other declaration is left to XmlReader, which checks it; so is a document whose next markup is another
    /// declaration, which must stay malformed.
    /// </summary>
    private static int StandardDeclarationLength(ReadOnlySpan<byte> document)
    {
        ReadOnlySpan<byte> declaration =
            document.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8) ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8
            : document.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8) ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8
            : document.StartsWith("<?xml version='1.0' encoding='UTF-8'?>"u8) ? "<?xml version='1.0' encoding='UTF-8'?>"u8
            : document.StartsWith("<?xml version='1.0' encoding='utf-8'?>"u8) ? "<?xml version='1.0' encoding='utf-8'?>"u8
            : document.StartsWith("<?xml version=\"1.0\"?>"u8) ? "<?xml version=\"1.0\"?>"u8
            : document.StartsWith("<?xml version='1.0'?>"u8) ? "<?xml version='1.0'?>"u8
            : [];
        if (declaration.IsEmpty)
        {
            return 0;
        }

        ReadOnlySpan<byte> rest = document[declaration.Length..].TrimStart(" \t\r\n"u8);
        return rest.StartsWith("<?xml"u8) ? 0 : declaration.Length;
    }

    /// <summary>Whether the XML declaration at the start of <paramref name="document"/> names no encoding, or UTF-8.</summary>
    private static bool DeclaresUtf8(ReadOnlySpan<byte> document)
    {
        int end = document[..Math.Min(document.Length, LongestDeclaration)].IndexOf("?>"u8);
        if (end < 0)
        {
            return false;
        }

        // version="1.0" encoding="…" standalone="…": pseudo-attributes separated by whitespace.
        ReadOnlySpan<byte> rest = document[5..end];
        while (true)
        {
            int nameStart = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (nameStart < 0)
            {
                return true;
            }

            if (nameStart == 0)
            {
                return false;
            }

            rest = rest[nameStart..];
            int equals = rest.IndexOf((byte)'=');
            if (equals < 0)
            {
                return false;
            }

            ReadOnlySpan<byte> name = rest[..equals].TrimEnd(" \t\r\n"u8);
            rest = rest[(equals + 1)..].TrimStart(" \t\r\n"u8);
            if (rest.IsEmpty || (rest[0] != (byte)'"' && rest[0] != (byte)'\''))
            {
                return false;
            }

            int close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                return false;
            }

            ReadOnlySpan<byte> value = rest.Slice(1, close);
            if (name.SequenceEqual("encoding"u8) && !Ascii.EqualsIgnoreCase(value, "utf-8"u8))
            {
                return false;
            }

            rest = rest[(close + 2)..];
        }
    }
}
