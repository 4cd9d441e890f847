using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests.Parsing;

/// <summary>How element text and xsi:type attributes are read into values, whatever shape the CPE gave them.</summary>
public sealed class ValueReadingTests
{
    [Theory]
    [InlineData(" xsi:type=\"xsd:unsignedInt\"", "xsd:unsignedInt")]
    [InlineData(" xsi:type=\" xsd:int \"", "xsd:int")]
    [InlineData(" xsi:type=\"xsd:&#115;tring\"", "xsd:string")]
    [InlineData(" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"xs:boolean\"", "xsd:boolean")]
    [InlineData(" xmlns:q=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"q:myType\"", "xsd:myType")]
    [InlineData(" xmlns=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"long\"", "xsd:long")]
    [InlineData(" xsi:type=\"xs:dateTime\"", "xsd:dateTime")]
    [InlineData(" xsi:type=\"SOAP-ENC:base64\"", "soap-enc:base64")]
    [InlineData(" xsi:type=\"cwmp:InstallOpStruct\"", "cwmp:InstallOpStruct")]
    [InlineData(" xsi:type=\"foo:bar\"", "foo:bar")]
    [InlineData(" xsi:type=\"string\"", "string")]
    [InlineData(" xsi:type=\"\"", "")]
    [InlineData(" type=\"xsd:hexBinary\"", "xsd:hexBinary")]
    [InlineData(" xmlns:t=\"urn:x\" t:type=\"xsd:long\"", "xsd:long")]
    [InlineData(" other=\"a\" xsi:type=\"xsd:short\" more=\"b\"", "xsd:short")]
    [InlineData("", "xsd:string")]
    public void The_xsi_type_is_read_in_canonical_form(string attributes, string type)
    {
        Inform inform = InformDocument.Parse(InformDocument.With(InformDocument.Parameter("Device.A", "1", attributes)));

        Assert.Equal(new ParameterValueStruct("Device.A", "1", type), inform.ParameterList[0]);
    }

    [Fact]
    public void An_xsi_type_longer_than_any_real_one_is_kept_whole()
    {
        string local = "x\U0001F600" + new string('y', 300) + "\U0001F600";

        Inform inform = InformDocument.Parse(InformDocument.With(InformDocument.Parameter("Device.A", "1", $" xsi:type=\"xsd:{local}\"")));

        Assert.Equal("xsd:" + local, inform.ParameterList[0].Type);
    }

    [Fact]
    public void Text_in_several_parts_is_joined()
    {
        Inform inform = InformDocument.Parse(InformDocument.With(
            InformDocument.Parameter("Device.A", "a<![CDATA[<b>]]>c<!-- note -->d&amp;e&#x41;<?pi x?>f") +
            InformDocument.Parameter("Device.B", "in<x>ner</x>side") +
            InformDocument.Parameter("Device.C", "<![CDATA[]]>") +
            InformDocument.Parameter("Device.D", "  spaced  ") +
            "<ParameterValueStruct><Name>Device.E</Name><Value/></ParameterValueStruct>"));

        Assert.Equal(
            [
                new ParameterValueStruct("Device.A", "a<b>cd&eAf"),
                new ParameterValueStruct("Device.B", "inside"),
                new ParameterValueStruct("Device.C", string.Empty),
                new ParameterValueStruct("Device.D", "  spaced  "),
                new ParameterValueStruct("Device.E", string.Empty),
            ],
            inform.ParameterList);
    }

    [Fact]
    public void A_value_much_longer_than_the_text_buffer_is_read_whole()
    {
        string value = string.Concat(Enumerable.Repeat("0123456789\U0001F600", 5_000));

        Inform inform = InformDocument.Parse(InformDocument.With(InformDocument.Parameter("Device.A", value)));

        Assert.Equal(value, inform.ParameterList[0].Value);
    }

    [Theory]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    public void The_string_length_limit_counts_all_parts_of_a_value(int limit, bool fails)
    {
        string xml = InformDocument.With(InformDocument.Parameter("Device.A", new string('v', 500) + "<![CDATA[" + new string('w', 500) + "]]>"));
        var options = new CwmpParserOptions { MaxStringLength = limit };

        if (fails)
        {
            Assert.Equal(CwmpParseError.StringTooLong, Assert.Throws<CwmpParseException>(() => InformDocument.Parse(xml, options)).Error);
        }
        else
        {
            Assert.Equal(1000, InformDocument.Parse(xml, options).ParameterList[0].Value.Length);
        }
    }

    [Fact]
    public void Characters_XML_forbids_are_removed_from_values()
    {
        Inform inform = InformDocument.Parse(InformDocument.With(InformDocument.Parameter("Device.A", "a&#1;b&#xFFFE;c")));

        Assert.Equal("abc", inform.ParameterList[0].Value);
    }

    [Theory]
    [InlineData(" 7 ", 7u)]
    [InlineData("+7", 7u)]
    [InlineData("\n4294967295\t", uint.MaxValue)]
    public void Numbers_are_read_with_surrounding_whitespace(string text, uint value)
    {
        Assert.Equal(value, InformDocument.Parse(InformDocument.With(string.Empty, retryCount: text)).RetryCount);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("4294967296")]
    [InlineData("seven")]
    [InlineData("")]
    public void A_number_that_does_not_parse_is_an_invalid_value(string text)
    {
        CwmpParseException e = Assert.Throws<CwmpParseException>(() => InformDocument.Parse(InformDocument.With(string.Empty, retryCount: text)));

        Assert.Equal(CwmpParseError.InvalidValue, e.Error);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }
}
