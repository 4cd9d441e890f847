using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// The parameter RPCs as real CPEs write them (other prefixes, indentation, 0/1 booleans, the vendor omissions of
/// checklist §6.7), and the exact bytes the writer sends for them.
/// </summary>
public sealed class ParameterMessageTests
{
    [Fact]
    public void GetParameterValuesResponse_with_mixed_xsi_types_is_read_field_by_field()
    {
        byte[] body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <SOAP-ENV:Header>
            <cwmp:ID SOAP-ENV:mustUnderstand="1">1732445730001</cwmp:ID>
            </SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <cwmp:GetParameterValuesResponse>
            <ParameterList SOAP-ENC:arrayType="cwmp:ParameterValueStruct[5]">
            <ParameterValueStruct>
            <Name>InternetGatewayDevice.DeviceInfo.SoftwareVersion</Name>
            <Value xsi:type="xsd:string">  V100R001 &amp; &lt;beta&gt;  </Value>
            </ParameterValueStruct>
            <ParameterValueStruct>
            <Name>InternetGatewayDevice.ManagementServer.PeriodicInformInterval</Name>
            <Value xsi:type="xsd:unsignedInt">3600</Value>
            </ParameterValueStruct>
            <ParameterValueStruct>
            <Name>InternetGatewayDevice.ManagementServer.PeriodicInformEnable</Name>
            <Value xsi:type="xsd:boolean">1</Value>
            </ParameterValueStruct>
            <ParameterValueStruct>
            <Name>InternetGatewayDevice.DeviceInfo.FirstUseDate</Name>
            <Value xsi:type="xsd:dateTime">2026-11-24T10:15:30+01:00</Value>
            </ParameterValueStruct>
            <ParameterValueStruct>
            <Name>InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.X_Noise</Name>
            <Value xsi:type="xsd:int">-92</Value>
            </ParameterValueStruct>
            </ParameterList>
            </cwmp:GetParameterValuesResponse>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal(CwmpHeader.WithId("1732445730001"), envelope.Header);
        var response = Assert.IsType<GetParameterValuesResponse>(envelope.Body);
        Assert.Equal(
            new ParameterValueStruct[]
            {
                new("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "  V100R001 & <beta>  ", "xsd:string"),
                new("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "3600", "xsd:unsignedInt"),
                new("InternetGatewayDevice.ManagementServer.PeriodicInformEnable", "1", "xsd:boolean"),
                new("InternetGatewayDevice.DeviceInfo.FirstUseDate", "2026-11-24T10:15:30+01:00", "xsd:dateTime"),
                new("InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.X_Noise", "-92", "xsd:int"),
            },
            response.ParameterList.AsSpan().ToArray());
    }

    [Fact]
    public void GetParameterValuesResponse_without_arrayType_or_xsi_type_reads_values_as_strings()
    {
        // Huawei HG8245H style: no soap-enc:arrayType on the array, no xsi:type on the values.
        byte[] body = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soapenv:Header><cwmp:ID soapenv:mustUnderstand="1">7</cwmp:ID></soapenv:Header><soapenv:Body><cwmp:GetParameterValuesResponse><ParameterList><ParameterValueStruct><Name>InternetGatewayDevice.DeviceInfo.UpTime</Name><Value>86400</Value></ParameterValueStruct><ParameterValueStruct><Name>InternetGatewayDevice.DeviceInfo.Description</Name><Value/></ParameterValueStruct></ParameterList></cwmp:GetParameterValuesResponse></soapenv:Body></soapenv:Envelope>
            """u8.ToArray();

        var response = Assert.IsType<GetParameterValuesResponse>(Parse(body).Body);

        Assert.Equal(
            new GetParameterValuesResponse(
            [
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.UpTime", "86400", "xsd:string"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.Description", "", "xsd:string"),
            ]),
            response);
    }

    [Fact]
    public void GetParameterValuesResponse_without_Value_element_reads_an_empty_string()
    {
        // Cisco SPA122 leaves <Value> out of empty parameters.
        byte[] body = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><SOAP-ENV:Body><cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType="cwmp:ParameterValueStruct[1]"><ParameterValueStruct><Name>InternetGatewayDevice.Services.VoiceService.1.VoiceProfile.1.Line.1.SIP.AuthPassword</Name></ParameterValueStruct></ParameterList></cwmp:GetParameterValuesResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpHeader.Empty, envelope.Header);
        Assert.Equal(
            new GetParameterValuesResponse([new ParameterValueStruct("InternetGatewayDevice.Services.VoiceService.1.VoiceProfile.1.Line.1.SIP.AuthPassword", "", "xsd:string")]),
            envelope.Body);
    }

    [Fact]
    public void GetParameterNamesResponse_lists_next_level_objects_ending_in_a_dot()
    {
        byte[] body = """
            <soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <soap-env:Header>
                <cwmp:ID soap-env:mustUnderstand="1">gpn-1</cwmp:ID>
              </soap-env:Header>
              <soap-env:Body>
                <cwmp:GetParameterNamesResponse>
                  <ParameterList soap-enc:arrayType="cwmp:ParameterInfoStruct[4]">
                    <ParameterInfoStruct>
                      <Name>Device.IP.Interface.</Name>
                      <Writable>1</Writable>
                    </ParameterInfoStruct>
                    <ParameterInfoStruct>
                      <Name>Device.IP.InterfaceNumberOfEntries</Name>
                      <Writable>0</Writable>
                    </ParameterInfoStruct>
                    <ParameterInfoStruct>
                      <Name>Device.IP.IPv4Enable</Name>
                      <Writable>true</Writable>
                    </ParameterInfoStruct>
                    <ParameterInfoStruct>
                      <Name>Device.IP.Diagnostics.</Name>
                      <Writable>false</Writable>
                    </ParameterInfoStruct>
                  </ParameterList>
                </cwmp:GetParameterNamesResponse>
              </soap-env:Body>
            </soap-env:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal(CwmpHeader.WithId("gpn-1"), envelope.Header);
        var response = Assert.IsType<GetParameterNamesResponse>(envelope.Body);
        Assert.Equal(
            new ParameterInfoStruct[]
            {
                new("Device.IP.Interface.", true),
                new("Device.IP.InterfaceNumberOfEntries", false),
                new("Device.IP.IPv4Enable", true),
                new("Device.IP.Diagnostics.", false),
            },
            response.ParameterList.AsSpan().ToArray());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData(" true ", true)]
    [InlineData("false", false)]
    public void GetParameterNames_reads_NextLevel_as_word_or_digit(string nextLevel, bool expected)
    {
        byte[] body = Encoding.UTF8.GetBytes(
            $"""<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soap-env:Body><cwmp:GetParameterNames><ParameterPath></ParameterPath><NextLevel>{nextLevel}</NextLevel></cwmp:GetParameterNames></soap-env:Body></soap-env:Envelope>""");

        Assert.Equal(new GetParameterNames("", expected), Parse(body).Body);
    }

    [Fact]
    public void GetParameterAttributesResponse_is_read_with_whitespace_around_Notification()
    {
        byte[] body = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-1">
            <SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand="1">gpa-9</cwmp:ID></SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <cwmp:GetParameterAttributesResponse>
            <ParameterList SOAP-ENC:arrayType="cwmp:ParameterAttributeStruct[3]">
            <ParameterAttributeStruct>
            <Name>InternetGatewayDevice.ManagementServer.ConnectionRequestURL</Name>
            <Notification>
              2
            </Notification>
            <AccessList SOAP-ENC:arrayType="xsd:string[0]"></AccessList>
            </ParameterAttributeStruct>
            <ParameterAttributeStruct>
            <Name>InternetGatewayDevice.DeviceInfo.SoftwareVersion</Name>
            <Notification> 1 </Notification>
            <AccessList SOAP-ENC:arrayType="xsd:string[1]"><string>Subscriber</string></AccessList>
            </ParameterAttributeStruct>
            <ParameterAttributeStruct>
            <Name>InternetGatewayDevice.DeviceInfo.UpTime</Name>
            <Notification>0</Notification>
            <AccessList/>
            </ParameterAttributeStruct>
            </ParameterList>
            </cwmp:GetParameterAttributesResponse>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpNamespaces.Cwmp11, envelope.CwmpNamespace);
        Assert.Equal(CwmpHeader.WithId("gpa-9"), envelope.Header);
        var response = Assert.IsType<GetParameterAttributesResponse>(envelope.Body);
        Assert.Equal(3, response.ParameterList.Count);
        Assert.Equal(new ParameterAttributeStruct("InternetGatewayDevice.ManagementServer.ConnectionRequestURL", ParameterNotification.Active, []), response.ParameterList[0]);
        Assert.Equal(new ParameterAttributeStruct("InternetGatewayDevice.DeviceInfo.SoftwareVersion", ParameterNotification.Passive, ["Subscriber"]), response.ParameterList[1]);
        Assert.Equal(new ParameterAttributeStruct("InternetGatewayDevice.DeviceInfo.UpTime", ParameterNotification.Off, []), response.ParameterList[2]);
    }

    [Fact]
    public void SetParameterAttributes_from_an_acs_with_digit_booleans_is_read_field_by_field()
    {
        byte[] body = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2"><soap:Header><cwmp:ID soap:mustUnderstand="1">spa</cwmp:ID></soap:Header><soap:Body><cwmp:SetParameterAttributes><ParameterList enc:arrayType="cwmp:SetParameterAttributesStruct[1]"><SetParameterAttributesStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><NotificationChange>1</NotificationChange><Notification> 2 </Notification><AccessListChange>0</AccessListChange><AccessList enc:arrayType="xsd:string[1]"><string>Subscriber</string></AccessList></SetParameterAttributesStruct></ParameterList></cwmp:SetParameterAttributes></soap:Body></soap:Envelope>
            """u8.ToArray();

        Assert.Equal(
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, ParameterNotification.Active, false, ["Subscriber"])]),
            Parse(body).Body);
    }

    [Fact]
    public void AddObjectResponse_is_read_field_by_field()
    {
        byte[] body = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand="1">add-3</cwmp:ID></SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <cwmp:AddObjectResponse>
            <InstanceNumber>12</InstanceNumber>
            <Status>1</Status>
            </cwmp:AddObjectResponse>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpHeader.WithId("add-3"), envelope.Header);
        var response = Assert.IsType<AddObjectResponse>(envelope.Body);
        Assert.Equal(12u, response.InstanceNumber);
        Assert.Equal(1, response.Status);
    }

    [Fact]
    public void AddObjectResponse_without_InstanceNumber_is_rejected()
    {
        byte[] body = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><SOAP-ENV:Body><cwmp:AddObjectResponse><Status>0</Status></cwmp:AddObjectResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """u8.ToArray();

        var error = Assert.Throws<CwmpParseException>(() => CwmpParser.Parse(body));
        Assert.Equal(CwmpParseError.MissingElement, error.Error);
        Assert.Equal("AddObjectResponse", error.MethodName);
    }

    [Fact]
    public void SetParameterValues_fault_9003_carries_both_parameter_faults()
    {
        byte[] body = """
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <SOAP-ENV:Header>
            <cwmp:ID SOAP-ENV:mustUnderstand="1">spv-17</cwmp:ID>
            </SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <SOAP-ENV:Fault>
            <faultcode>Client</faultcode>
            <faultstring>CWMP fault</faultstring>
            <detail>
            <cwmp:Fault>
            <FaultCode>9003</FaultCode>
            <FaultString>Invalid arguments</FaultString>
            <SetParameterValuesFault>
            <ParameterName>InternetGatewayDevice.ManagementServer.PeriodicInformInterval</ParameterName>
            <FaultCode>9007</FaultCode>
            <FaultString>Invalid parameter value</FaultString>
            </SetParameterValuesFault>
            <SetParameterValuesFault>
            <ParameterName>InternetGatewayDevice.DeviceInfo.SerialNumber</ParameterName>
            <FaultCode>9008</FaultCode>
            <FaultString>Attempt to set a non-writable parameter</FaultString>
            </SetParameterValuesFault>
            </cwmp:Fault>
            </detail>
            </SOAP-ENV:Fault>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8.ToArray();

        CwmpEnvelope envelope = Parse(body);

        Assert.Equal(CwmpHeader.WithId("spv-17"), envelope.Header);
        var fault = Assert.IsType<CwmpFault>(envelope.Body);
        Assert.Equal(FaultCodes.CpeInvalidArguments, fault.FaultCode);
        Assert.Equal("Invalid arguments", fault.FaultString);
        Assert.Equal("Client", fault.SoapFaultCode);
        Assert.Equal("CWMP fault", fault.SoapFaultString);
        Assert.Equal(
            new SetParameterValuesFault[]
            {
                new("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", FaultCodes.InvalidParameterValue, "Invalid parameter value"),
                new("InternetGatewayDevice.DeviceInfo.SerialNumber", FaultCodes.NonWritableParameter, "Attempt to set a non-writable parameter"),
            },
            fault.SetParameterValuesFaults.AsSpan().ToArray());
    }

    [Fact]
    public void SetParameterValues_is_written_byte_for_byte()
    {
        var envelope = CwmpEnvelope.Create(
            CwmpVersion.Version12,
            "spv-1",
            new SetParameterValues(
                [
                    new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt"),
                    new ParameterValueStruct("Device.DeviceInfo.ProvisioningCode", " a&b<c> ", "xsd:string"),
                ],
                "key-1"));

        AssertBytes(
            """<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">"""
            + """<soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">spv-1</cwmp:ID></soap-env:Header>"""
            + """<soap-env:Body><cwmp:SetParameterValues><ParameterList soap-enc:arrayType="cwmp:ParameterValueStruct[2]">"""
            + """<ParameterValueStruct><Name>Device.ManagementServer.PeriodicInformInterval</Name><Value xsi:type="xsd:unsignedInt">300</Value></ParameterValueStruct>"""
            + """<ParameterValueStruct><Name>Device.DeviceInfo.ProvisioningCode</Name><Value xsi:type="xsd:string"> a&amp;b&lt;c&gt; </Value></ParameterValueStruct>"""
            + """</ParameterList><ParameterKey>key-1</ParameterKey></cwmp:SetParameterValues></soap-env:Body></soap-env:Envelope>""",
            CwmpWriter.WriteToArray(envelope));
    }

    [Fact]
    public void GetParameterNames_is_written_byte_for_byte_with_default_options()
    {
        var envelope = CwmpEnvelope.Create(CwmpVersion.Version10, "gpn-2", new GetParameterNames("InternetGatewayDevice.", true));

        AssertBytes(
            GpnEnvelope("true"),
            CwmpWriter.WriteToArray(envelope));
    }

    [Fact]
    public void GetParameterNames_is_written_byte_for_byte_with_booleans_as_digits()
    {
        var envelope = CwmpEnvelope.Create(CwmpVersion.Version10, "gpn-2", new GetParameterNames("InternetGatewayDevice.", true));

        AssertBytes(
            GpnEnvelope("1"),
            CwmpWriter.WriteToArray(envelope, new CwmpWriterOptions { BooleansAsDigits = true }));
    }

    [Fact]
    public void GetParameterNames_false_is_written_as_0_with_booleans_as_digits()
    {
        var envelope = CwmpEnvelope.Create(CwmpVersion.Version10, "gpn-2", new GetParameterNames("InternetGatewayDevice.", false));

        AssertBytes(
            GpnEnvelope("0"),
            CwmpWriter.WriteToArray(envelope, new CwmpWriterOptions { BooleansAsDigits = true }));
    }

    private static string GpnEnvelope(string nextLevel) =>
        """<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">"""
        + """<soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">gpn-2</cwmp:ID></soap-env:Header>"""
        + """<soap-env:Body><cwmp:GetParameterNames><ParameterPath>InternetGatewayDevice.</ParameterPath>"""
        + $"""<NextLevel>{nextLevel}</NextLevel></cwmp:GetParameterNames></soap-env:Body></soap-env:Envelope>""";

    private static CwmpEnvelope Parse(byte[] body) => CwmpParser.Parse(body) ?? throw new InvalidOperationException("Parsed as an empty POST.");

    private static void AssertBytes(string expected, byte[] actual)
    {
        // The string comparison gives a readable diff; the byte comparison is the actual contract.
        Assert.Equal(expected, Encoding.UTF8.GetString(actual));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual);
    }
}
