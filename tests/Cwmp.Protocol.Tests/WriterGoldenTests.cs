using System.Text;

namespace Cwmp.Protocol.Tests;

/// <summary>The exact bytes the writer emits: what strict CPEs compare literally (checklist §6.10, §8).</summary>
public sealed class WriterGoldenTests
{
    private const string Open =
        "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" " +
        "xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">";

    private static string Write(CwmpEnvelope envelope, CwmpWriterOptions? options = null) =>
        Encoding.UTF8.GetString(CwmpWriter.WriteToArray(envelope, options));

    [Fact]
    public void Inform_response_is_written_byte_for_byte()
    {
        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", new InformResponse()));

        Assert.Equal(
            Open + "<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">1</cwmp:ID></soap-env:Header>" +
            "<soap-env:Body><cwmp:InformResponse><MaxEnvelopes>1</MaxEnvelopes></cwmp:InformResponse></soap-env:Body></soap-env:Envelope>",
            written);
    }

    [Fact]
    public void Xml_declaration_is_written_only_when_asked()
    {
        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", new InformResponse()), new CwmpWriterOptions { XmlDeclaration = true });

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + Open, written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cwmp_namespace_of_the_envelope_is_the_one_written()
    {
        var envelope = new CwmpEnvelope("urn:dslforum-org:cwmp-1-4", CwmpHeader.WithId("7"), new InformResponse());

        string written = Write(envelope);

        Assert.Contains(" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-4\">", written, StringComparison.Ordinal);
        Assert.DoesNotContain("cwmp-1-0", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_4_inform_response_carries_use_cwmp_version_and_hold_requests()
    {
        var header = new CwmpHeader { Id = "9", HoldRequests = true, UseCwmpVersion = "1.4" };

        string written = Write(new CwmpEnvelope(CwmpNamespaces.Cwmp12, header, new InformResponse()), new CwmpWriterOptions { BooleansAsDigits = true });

        Assert.Contains(
            "<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">9</cwmp:ID>" +
            "<cwmp:HoldRequests soap-env:mustUnderstand=\"1\">1</cwmp:HoldRequests>" +
            "<cwmp:UseCWMPVersion soap-env:mustUnderstand=\"1\">1.4</cwmp:UseCWMPVersion></soap-env:Header>",
            written,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_has_the_exact_soap_shape()
    {
        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "5", CwmpFault.Create(FaultCodes.MethodNotSupported)));

        Assert.EndsWith(
            "<soap-env:Body><soap-env:Fault><faultcode>Server</faultcode><faultstring>CWMP fault</faultstring>" +
            "<detail><cwmp:Fault><FaultCode>8000</FaultCode><FaultString>Method not supported</FaultString></cwmp:Fault></detail>" +
            "</soap-env:Fault></soap-env:Body></soap-env:Envelope>",
            written,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Set_parameter_values_fault_lists_each_parameter()
    {
        CwmpFault fault = CwmpFault.Create(FaultCodes.CpeInvalidArguments) with
        {
            SetParameterValuesFaults = [new SetParameterValuesFault("Device.X", FaultCodes.InvalidParameterType, "Invalid parameter type")],
        };

        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "6", fault));

        Assert.Contains(
            "<detail><cwmp:Fault><FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>" +
            "<SetParameterValuesFault><ParameterName>Device.X</ParameterName><FaultCode>9006</FaultCode>" +
            "<FaultString>Invalid parameter type</FaultString></SetParameterValuesFault></cwmp:Fault></detail>",
            written,
            StringComparison.Ordinal);
        Assert.Contains("<faultcode>Client</faultcode>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Inform_is_written_with_array_types_xsi_types_and_whole_second_times()
    {
        var inform = new Inform(
            new DeviceIdStruct("Acme", "A1B2C3", "Box", "S-1"),
            [new EventStruct(EventCodes.Periodic)],
            1,
            CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 0, 0, 123, TimeSpan.FromHours(1))),
            0,
            [new ParameterValueStruct("Device.DeviceInfo.UpTime", "42", "xsd:unsignedInt")]);

        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", inform));

        Assert.Contains(
            "<cwmp:Inform><DeviceId><Manufacturer>Acme</Manufacturer><OUI>A1B2C3</OUI><ProductClass>Box</ProductClass>" +
            "<SerialNumber>S-1</SerialNumber></DeviceId><Event soap-enc:arrayType=\"cwmp:EventStruct[1]\"><EventStruct>" +
            "<EventCode>2 PERIODIC</EventCode><CommandKey></CommandKey></EventStruct></Event><MaxEnvelopes>1</MaxEnvelopes>" +
            "<CurrentTime>2026-11-24T09:00:00Z</CurrentTime><RetryCount>0</RetryCount>" +
            "<ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[1]\"><ParameterValueStruct><Name>Device.DeviceInfo.UpTime</Name>" +
            "<Value xsi:type=\"xsd:unsignedInt\">42</Value></ParameterValueStruct></ParameterList></cwmp:Inform>",
            written,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Date_time_fractions_are_written_only_when_asked()
    {
        var inform = new Inform(new DeviceIdStruct("", "A1B2C3", "", "1"), [], 1, CwmpDateTime.From(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 250, TimeSpan.Zero)), 0, []);

        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", inform), new CwmpWriterOptions { DateTimeFractions = true });

        Assert.Contains("<CurrentTime>2026-01-02T03:04:05.25Z</CurrentTime>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_time_is_written_as_year_one()
    {
        var inform = new Inform(new DeviceIdStruct("", "A1B2C3", "", "1"), [], 1, CwmpDateTime.Unknown, 0, []);

        Assert.Contains("<CurrentTime>0001-01-01T00:00:00Z</CurrentTime>", Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", inform)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a&b", "a&amp;b")]
    [InlineData("<x>", "&lt;x&gt;")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    [InlineData("line1\r\nline2", "line1&#13;\nline2")]
    [InlineData("  padded  ", "  padded  ")]
    [InlineData("bell\u0007gone", "bellgone")]
    [InlineData("emoji \U0001F600 kept", "emoji \U0001F600 kept")]
    [InlineData("ünïcödé", "ünïcödé")]
    public void Values_are_escaped_and_never_padded(string value, string expected)
    {
        var message = new GetRPCMethodsResponse([value]);

        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", message));

        Assert.Contains($"<string>{expected}</string>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_parameter_values_follow_the_digits_option()
    {
        var spv = new SetParameterValues(
            [
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", "xsd:boolean"),
                new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "true", "xsd:string"),
            ],
            "k");
        CwmpEnvelope envelope = CwmpEnvelope.Create(CwmpVersion.Version10, "1", spv);

        Assert.Contains("<Value xsi:type=\"xsd:boolean\">true</Value>", Write(envelope), StringComparison.Ordinal);
        string digits = Write(envelope, new CwmpWriterOptions { BooleansAsDigits = true });
        Assert.Contains("<Value xsi:type=\"xsd:boolean\">1</Value>", digits, StringComparison.Ordinal);
        Assert.Contains("<Value xsi:type=\"xsd:string\">true</Value>", digits, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogates_are_dropped()
    {
        string value = "lone" + (char)0xD800 + "surrogate" + (char)0xDC00;

        string written = Write(CwmpEnvelope.Create(CwmpVersion.Version10, "1", new GetRPCMethodsResponse([value])));

        Assert.Contains("<string>lonesurrogate</string>", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_output_equals_buffer_output()
    {
        CwmpEnvelope envelope = CwmpEnvelope.Create(CwmpVersion.Version12, "x", new GetRPCMethodsResponse(["Inform", "TransferComplete"]));
        using var stream = new MemoryStream();

        await CwmpWriter.WriteAsync(envelope, stream);

        Assert.Equal(CwmpWriter.WriteToArray(envelope), stream.ToArray());
    }
}
