using System.Text;
using Cwmp.Protocol.Serialization;
using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests.Parsing;

/// <summary>The parser's own UTF-8 decoding: which documents it takes, and that it decodes exactly as XmlReader would.</summary>
public sealed class Utf8DocumentReaderTests
{
    [Theory]
    [InlineData("<a/>")]
    [InlineData("\uFEFF<a/>")]
    [InlineData("<?xml version=\"1.0\"?><a/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>")]
    [InlineData("<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>")]
    [InlineData("<?xml version = \"1.0\"\r\n encoding = \"Utf-8\" ?><a/>")]
    public void Takes_documents_that_are_certainly_UTF8(string document)
    {
        Assert.NotNull(Utf8DocumentReader.TryOpen(Encoding.UTF8.GetBytes(document)));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"<a/>")]
    [InlineData("<?xml version=\"1.0\" encoding=UTF-8?><a/>")]
    [InlineData("<?xml-stylesheet href=\"a\"?><a/>")]
    [InlineData(" <a/>")]
    [InlineData("a")]
    public void Leaves_every_other_document_to_XmlReader(string document)
    {
        Assert.Null(Utf8DocumentReader.TryOpen(Encoding.UTF8.GetBytes(document)));
    }

    [Fact]
    public void Leaves_UTF16_to_XmlReader()
    {
        Assert.Null(Utf8DocumentReader.TryOpen(Encoding.Unicode.GetBytes("<a/>")));
        byte[] bigEndian = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("<a/>")];
        Assert.Null(Utf8DocumentReader.TryOpen(bigEndian));
    }

    [Fact]
    public void Skips_the_byte_order_mark_and_splits_surrogate_pairs_across_one_character_reads()
    {
        TextReader reader = Utf8DocumentReader.TryOpen(Encoding.UTF8.GetBytes("\uFEFF<a>\U0001F600é</a>"))!;
        var text = new StringBuilder();
        char[] one = new char[1];
        while (reader.Read(one, 0, 1) == 1)
        {
            text.Append(one[0]);
        }

        Assert.Equal("<a>\U0001F600é</a>", text.ToString());
    }

    [Fact]
    public void Leaves_an_incomplete_sequence_at_the_very_end_unread_as_XmlReader_does()
    {
        byte[] document = [.. "<a/>"u8, 0xE2, 0x82];
        TextReader reader = Utf8DocumentReader.TryOpen(document)!;

        Assert.Equal("<a/>", reader.ReadToEnd());
    }

    [Fact]
    public void Rejects_invalid_bytes_after_handing_over_everything_before_them()
    {
        byte[] document = [.. "<a>x"u8, 0xFF, .. "</a>"u8];
        TextReader reader = Utf8DocumentReader.TryOpen(document)!;
        char[] buffer = new char[64];

        Assert.Equal(4, reader.Read(buffer, 0, buffer.Length));
        DecoderFallbackException e = Assert.Throws<DecoderFallbackException>(() => reader.Read(buffer, 0, buffer.Length));
        Assert.Equal(4, e.Index);
    }

    [Fact]
    public void Invalid_UTF8_fails_the_parse_as_an_encoding_error_with_the_request_id()
    {
        byte[] document = Encoding.UTF8.GetBytes(InformDocument.With(InformDocument.Parameter("Device.A", "abc")));
        document[document.AsSpan().IndexOf("abc"u8) + 1] = 0xFF;

        CwmpParseException e = Assert.Throws<CwmpParseException>(() => CwmpParser.Parse(document));

        Assert.Equal(CwmpParseError.InvalidEncoding, e.Error);
        Assert.Equal("id-1", e.RequestId);
        Assert.Equal("Inform", e.MethodName);
    }

    [Fact]
    public void A_declared_Latin1_document_is_still_decoded_as_Latin1()
    {
        string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + InformDocument.With(InformDocument.Parameter("Device.A", "café"), manufacturer: "Société");

        Inform inform = InformDocument.Parse(Encoding.Latin1.GetBytes(xml));

        Assert.Equal("Société", inform.DeviceId.Manufacturer);
        Assert.Equal(new ParameterValueStruct("Device.A", "café"), inform.ParameterList[0]);
    }

    [Fact]
    public void A_UTF16_document_with_a_byte_order_mark_is_still_read()
    {
        string xml = InformDocument.With(InformDocument.Parameter("Device.A", "\U0001F600"));

        Inform inform = InformDocument.Parse([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);

        Assert.Equal(new ParameterValueStruct("Device.A", "\U0001F600"), inform.ParameterList[0]);
    }
}
