using System.Text;
using System.Text.RegularExpressions;
using Cwmp.Protocol.Serialization;
using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests.Parsing;

/// <summary>
/// The shortcuts taken for the common case (the xsd prefix, the common schema types, plain-text values, the standard
/// XML declaration, the hashed name table) give exactly what the general path gives.
/// </summary>
public sealed class ParserFastPathTests
{
    public static TheoryData<string> SchemaTypes =>
    [
        "string", "int", "unsignedInt", "long", "unsignedLong", "boolean", "dateTime", "base64Binary", "hexBinary",
        "decimal", "anySimpleType", "double", "float", "short", "unsignedShort", "byte", "unsignedByte", "integer", "anyURI",
    ];

    [Theory]
    [MemberData(nameof(SchemaTypes))]
    public void A_common_schema_type_is_one_shared_string_whatever_the_prefix(string local)
    {
        Inform inform = InformDocument.Parse(InformDocument.With(
            InformDocument.Parameter("Device.A", "1", $" xsi:type=\"xsd:{local}\"") +
            InformDocument.Parameter("Device.B", "1", $" xmlns:q=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"q:{local}\"")));

        Assert.Equal("xsd:" + local, inform.ParameterList[0].Type);
        Assert.Same(inform.ParameterList[0].Type, inform.ParameterList[1].Type);
    }

    [Theory]
    [InlineData(" xmlns:xsd=\"http://schemas.xmlsoap.org/soap/encoding/\" xsi:type=\"xsd:int\"", "soap-enc:int")]
    [InlineData(" xmlns:xsd=\"urn:dslforum-org:cwmp-1-2\" xsi:type=\"xsd:string\"", "cwmp:string")]
    [InlineData(" xmlns:xsd=\"urn:other\" xsi:type=\"xsd:string\"", "xsd:string")]
    [InlineData(" xsi:type=\"xsd:String\"", "xsd:String")]
    [InlineData(" xsi:type=\"xsd:strin\"", "xsd:strin")]
    public void The_xsd_prefix_is_still_resolved_in_the_scope_of_the_value(string attributes, string type)
    {
        string xml = InformDocument.With(InformDocument.Parameter("Device.A", "1", attributes));

        Inform inform = InformDocument.Parse(xml);

        Assert.Equal(type, inform.ParameterList[0].Type);
    }

    [Fact]
    public void The_xsd_prefix_rebound_on_an_ancestor_is_honoured()
    {
        string xml = InformDocument.With(
            "<ParameterValueStruct xmlns:xsd=\"http://schemas.xmlsoap.org/soap/encoding/\"><Name>Device.A</Name><Value xsi:type=\"xsd:base64\">AA==</Value></ParameterValueStruct>" +
            InformDocument.Parameter("Device.B", "1", " xsi:type=\"xsd:int\""));

        Inform inform = InformDocument.Parse(xml);

        Assert.Equal([new ParameterValueStruct("Device.A", "AA==", "soap-enc:base64"), new ParameterValueStruct("Device.B", "1", "xsd:int")], inform.ParameterList);
    }

    [Theory]
    [InlineData("plain ASCII value", false)]
    [InlineData("tab\tand\r\nbreaks", false)]
    [InlineData("caf\u00E9 \u4E2D\u6587 \uE000 \uFFFD", false)]
    [InlineData("emoji \U0001F600", false)]
    [InlineData("", false)]
    [InlineData("bell\u0007", true)]
    [InlineData("\u0000", true)]
    [InlineData("form\u000Cfeed", true)]
    [InlineData("not a char \uFFFE", true)]
    // Lone surrogates as escapes, decoded in the test: xunit does not carry them through its test data intact.
    [InlineData(@"lone high \uD83D", true)]
    [InlineData(@"lone low \uDE00 after", true)]
    [InlineData(@"\uD83D\uDE00\uD83D", true)]
    public void Invalid_characters_are_found_on_the_fast_and_the_exact_path(string escaped, bool invalid)
    {
        string text = Regex.Unescape(escaped);

        Assert.Equal(invalid, XmlCharacters.ContainsInvalid(text));
        Assert.Equal(invalid, !ReferenceEquals(text, XmlCharacters.StripInvalid(text)));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [InlineData("<?xml version='1.0' encoding='UTF-8'?>")]
    [InlineData("<?xml version='1.0' encoding='utf-8'?>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("<?xml version='1.0'?>")]
    public void A_standard_declaration_is_not_handed_to_XmlReader(string declaration)
    {
        TextReader reader = Utf8DocumentReader.TryOpen(Encoding.UTF8.GetBytes(declaration + "\n<a/>"))!;

        Assert.Equal("\n<a/>", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")]
    [InlineData("<?xml version=\"1.0\"  encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"Utf-8\"?>")]
    public void Any_other_UTF8_declaration_is_left_for_XmlReader_to_check(string declaration)
    {
        TextReader reader = Utf8DocumentReader.TryOpen(Encoding.UTF8.GetBytes(declaration + "<a/>"))!;

        Assert.Equal(declaration + "<a/>", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\"?>")]
    [InlineData("<?xml version=\"1.0\"?>\n <?xml version=\"1.0\" encoding=\"UTF-8\"?>")]
    [InlineData("<?xml version=\"1.0\"?><?xml version=\"2.0\"?>")]
    public void A_second_declaration_after_a_standard_one_is_still_malformed(string declarations)
    {
        byte[] body = Encoding.UTF8.GetBytes(declarations + InformDocument.With(InformDocument.Parameter("Device.A", "1")));

        CwmpParseException e = Assert.Throws<CwmpParseException>(() => CwmpParser.Parse(body));

        Assert.Equal(CwmpParseError.MalformedXml, e.Error);
    }

    [Fact]
    public void A_document_with_a_standard_declaration_parses_as_one_without()
    {
        string xml = InformDocument.With(InformDocument.Parameter("Device.A", " "));

        CwmpEnvelope? with = CwmpParser.Parse(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + xml));
        CwmpEnvelope? without = CwmpParser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.NotNull(with);
        Assert.Equal(without, with);
        Assert.Equal(" ", ((Inform)with.Body).ParameterList[0].Value);
    }

    [Fact]
    public void Every_method_name_and_similar_names_resolve_to_their_shared_atoms()
    {
        var table = new CwmpNameTable();
        foreach (string name in MessageRegistry.MethodNames)
        {
            Assert.Same(name, table.Add(name.ToCharArray(), 0, name.Length));
            Assert.Same(name, table.Get(name.AsSpan()));
        }

        // Names that share their length and first, middle and last characters with known ones.
        foreach (string lookalike in new[] { "EvxntCode", "Nbme", "ParameterXalueStruct", "urn:dslforum-org:cwmp-9-0" })
        {
            Assert.Null(table.Get(lookalike.AsSpan()));
            Assert.Equal(lookalike, table.Add(lookalike));
        }

        Assert.Same(string.Empty, table.Add(string.Empty));
        Assert.Same("xsd", table.Get("xsd".AsSpan()));
    }
}
