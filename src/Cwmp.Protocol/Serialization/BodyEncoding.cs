using System.Text;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// How the parser's byte-level passes (<see cref="MarkupLimits"/>, <see cref="RawControlBytes"/>) must read a body,
/// decided the way <see cref="System.Xml.XmlReader"/> decides its encoding: the Content-Type charset when there is one,
/// otherwise the byte-order mark or the first bytes (XML 1.0 Appendix F).
/// </summary>
internal static class BodyEncoding
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>
    /// Null when every byte below 0x80 in the body is the ASCII character it looks like (UTF-8, single-byte charsets,
    /// whatever the XML declaration picks among them); otherwise the encoding to decode the body with to read its markup.
    /// </summary>
    public static Encoding? NotAsciiCompatible(ReadOnlySpan<byte> body, Encoding? charset)
    {
        if (charset is not null && charset.CodePage != Encoding.UTF8.CodePage)
        {
            return charset.IsSingleByte ? null : charset;
        }

        return body switch
        {
            [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, 0x3C, ..] => Utf32BigEndian,
            [0xFF, 0xFE, 0x00, 0x00, ..] or [0x3C, 0x00, 0x00, 0x00, ..] => Encoding.UTF32,
            [0xFE, 0xFF, ..] or [0x00, 0x3C, ..] => Encoding.BigEndianUnicode,
            [0xFF, 0xFE, ..] or [0x3C, 0x00, ..] => Encoding.Unicode,
            _ => null,
        };
    }
}
