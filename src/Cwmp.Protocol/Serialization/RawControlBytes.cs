using System.Buffers;
using System.Text;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Removes raw control bytes (0x00–0x1F except tab, LF and CR) from character data before <see cref="System.Xml.XmlReader"/>
/// sees them. CPEs write them raw in values (checklist §6.11: "PCDATA invalid Char value 2"), and XmlReader refuses a
/// raw control character whatever its settings; it only lets character references through. Removing them from text,
/// attribute values, comments and CDATA gives the same result as stripping them from the values read. In markup
/// (a name, between attributes) they are left alone, so that such a document is still malformed.
/// </summary>
/// <remarks>
/// Only for encodings in which a byte below 0x80 is always that ASCII character (UTF-8, single-byte charsets); a
/// UTF-16 or UTF-32 document is passed through unchanged. The result is never longer than the input,
/// so the body limit still bounds what the reader is given.
/// </remarks>
internal static class RawControlBytes
{
    private static readonly SearchValues<byte> Controls = SearchValues.Create(
    [
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
    ]);

    private enum Context
    {
        Text,
        Markup,
        AttributeValue,
        Comment,
        CData,
    }

    /// <summary>
    /// Returns true, with the body without its removable control bytes, when there was one to remove; false (and the
    /// body unchanged) otherwise.
    /// </summary>
    public static bool TryRemove(ReadOnlyMemory<byte> body, Encoding? charset, out ReadOnlyMemory<byte> cleaned)
    {
        cleaned = body;
        ReadOnlySpan<byte> input = body.Span;
        if (input.IndexOfAny(Controls) < 0 || BodyEncoding.NotAsciiCompatible(input, charset) is not null)
        {
            return false;
        }

        byte[] output = new byte[input.Length];
        int written = 0;
        Context context = Context.Text;
        byte quote = 0;
        for (int i = 0; i < input.Length; i++)
        {
            byte b = input[i];
            if (Controls.Contains(b) && context != Context.Markup)
            {
                continue;
            }

            output[written++] = b;
            ReadOnlySpan<byte> rest = input[i..];
            switch (context)
            {
                case Context.Text when b == '<':
                    context = rest.StartsWith("<!--"u8) ? Context.Comment : rest.StartsWith("<![CDATA["u8) ? Context.CData : Context.Markup;
                    break;
                case Context.Markup when b is (byte)'"' or (byte)'\'':
                    context = Context.AttributeValue;
                    quote = b;
                    break;
                case Context.Markup when b == '>':
                    context = Context.Text;
                    break;
                case Context.AttributeValue when b == quote:
                    context = Context.Markup;
                    break;
                case Context.Comment when rest.StartsWith("-->"u8):
                case Context.CData when rest.StartsWith("]]>"u8):
                    // The rest of the terminator has no control byte and no '<': plain text to this scan.
                    context = Context.Text;
                    break;
            }
        }

        cleaned = output.AsMemory(0, written);
        return true;
    }
}
