using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// The CPE-to-ACS requests as CPEs put them on the wire: their own envelope prefixes, cwmp-1-0 or cwmp-1-2,
/// indentation and newlines between elements, entity-escaped text, time zones and fractions in times.
/// </summary>
public sealed class CpeRequestParsingTests
{
    [Fact]
    public void TransferComplete_with_a_fault_in_a_cwmp_1_0_envelope()
    {
        CwmpEnvelope envelope = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
              <SOAP-ENV:Header>
                <cwmp:ID SOAP-ENV:mustUnderstand="1">1743</cwmp:ID>
              </SOAP-ENV:Header>
              <SOAP-ENV:Body SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
                <cwmp:TransferComplete>
                  <CommandKey>fw-upgrade &amp; reboot</CommandKey>
                  <FaultStruct>
                    <FaultCode>9010</FaultCode>
                    <FaultString>Download failed: HTTP 404 &lt;Not Found&gt;</FaultString>
                  </FaultStruct>
                  <StartTime>2026-03-01T10:00:05+01:00</StartTime>
                  <CompleteTime>2026-03-01T10:02:47+01:00</CompleteTime>
                </cwmp:TransferComplete>
              </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal("1743", envelope.Header.Id);
        TransferComplete message = Assert.IsType<TransferComplete>(envelope.Body);
        Assert.Equal("fw-upgrade & reboot", message.CommandKey);
        Assert.Equal(new TransferFault(9010, "Download failed: HTTP 404 <Not Found>"), message.FaultStruct);
        Assert.True(message.FaultStruct.IsFault);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 5, TimeSpan.Zero), message.StartTime.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 2, 47, TimeSpan.Zero), message.CompleteTime.Value);
    }

    [Fact]
    public void TransferComplete_success_with_unknown_times()
    {
        CwmpEnvelope envelope = Parse("""
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
            <soapenv:Header><cwmp:ID soapenv:mustUnderstand="1">ID:intrnl.unset.id.TransferComplete1</cwmp:ID></soapenv:Header>
            <soapenv:Body>
            <cwmp:TransferComplete>
            	<CommandKey></CommandKey>
            	<FaultStruct>
            		<FaultCode>0</FaultCode>
            		<FaultString></FaultString>
            	</FaultStruct>
            	<StartTime>0001-01-01T00:00:00Z</StartTime>
            	<CompleteTime>0001-01-01T00:00:00Z</CompleteTime>
            </cwmp:TransferComplete>
            </soapenv:Body>
            </soapenv:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal("ID:intrnl.unset.id.TransferComplete1", envelope.Header.Id);
        TransferComplete message = Assert.IsType<TransferComplete>(envelope.Body);
        Assert.Equal(string.Empty, message.CommandKey);
        Assert.Equal(TransferFault.None, message.FaultStruct);
        Assert.False(message.FaultStruct.IsFault);
        Assert.True(message.StartTime.IsUnknown);
        Assert.True(message.CompleteTime.IsUnknown);
    }

    [Fact]
    public void AutonomousTransferComplete_in_a_cwmp_1_2_envelope()
    {
        CwmpEnvelope envelope = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                              xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"
                              xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
                <soapenv:Header>
                    <cwmp:ID soapenv:mustUnderstand="1">atc-0001</cwmp:ID>
                </soapenv:Header>
                <soapenv:Body>
                    <cwmp:AutonomousTransferComplete>
                        <AnnounceURL>http://224.0.1.20:5000/announce</AnnounceURL>
                        <TransferURL>http://fw.example.com/images/HG8245H-V3R017.bin?sig=ab12&amp;exp=1767225600</TransferURL>
                        <IsDownload>1</IsDownload>
                        <FileType>1 Firmware Upgrade Image</FileType>
                        <FileSize>23068672</FileSize>
                        <TargetFileName>HG8245H-V3R017.bin</TargetFileName>
                        <FaultStruct>
                            <FaultCode>0</FaultCode>
                            <FaultString/>
                        </FaultStruct>
                        <StartTime>2026-03-01T08:59:58.250Z</StartTime>
                        <CompleteTime>2026-03-01T09:01:12Z</CompleteTime>
                    </cwmp:AutonomousTransferComplete>
                </soapenv:Body>
            </soapenv:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal("atc-0001", envelope.Header.Id);
        AutonomousTransferComplete message = Assert.IsType<AutonomousTransferComplete>(envelope.Body);
        Assert.Equal("http://224.0.1.20:5000/announce", message.AnnounceUrl);
        Assert.Equal("http://fw.example.com/images/HG8245H-V3R017.bin?sig=ab12&exp=1767225600", message.TransferUrl);
        Assert.True(message.IsDownload);
        Assert.Equal("1 Firmware Upgrade Image", message.FileType);
        Assert.Equal(23_068_672u, message.FileSize);
        Assert.Equal("HG8245H-V3R017.bin", message.TargetFileName);
        Assert.Equal(TransferFault.None, message.FaultStruct);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 59, 58, 250, TimeSpan.Zero), message.StartTime.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 1, 12, TimeSpan.Zero), message.CompleteTime.Value);
    }

    [Fact]
    public void RequestDownload_with_arguments_in_a_cwmp_1_0_envelope()
    {
        CwmpEnvelope envelope = Parse("""
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
              <SOAP-ENV:Header>
                <cwmp:ID SOAP-ENV:mustUnderstand="1">5</cwmp:ID>
              </SOAP-ENV:Header>
              <SOAP-ENV:Body>
                <cwmp:RequestDownload>
                  <FileType>3 Vendor Configuration File</FileType>
                  <FileTypeArg SOAP-ENC:arrayType="cwmp:ArgStruct[2]">
                    <ArgStruct>
                      <Name>Version</Name>
                      <Value>2.1</Value>
                    </ArgStruct>
                    <ArgStruct>
                      <Name>Profile</Name>
                      <Value>voice &amp; data</Value>
                    </ArgStruct>
                  </FileTypeArg>
                </cwmp:RequestDownload>
              </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal("5", envelope.Header.Id);
        RequestDownload message = Assert.IsType<RequestDownload>(envelope.Body);
        Assert.Equal("3 Vendor Configuration File", message.FileType);
        ArgStruct[] expected = [new ArgStruct("Version", "2.1"), new ArgStruct("Profile", "voice & data")];
        Assert.Equal(expected, message.FileTypeArg.AsSpan().ToArray());
    }

    [Fact]
    public void RequestDownload_with_an_empty_argument_array()
    {
        CwmpEnvelope envelope = Parse("""
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <soapenv:Header>
                <cwmp:ID soapenv:mustUnderstand="1">rd-2</cwmp:ID>
              </soapenv:Header>
              <soapenv:Body>
                <cwmp:RequestDownload>
                  <FileType>1 Firmware Upgrade Image</FileType>
                  <FileTypeArg soapenc:arrayType="cwmp:ArgStruct[0]"></FileTypeArg>
                </cwmp:RequestDownload>
              </soapenv:Body>
            </soapenv:Envelope>
            """u8);

        RequestDownload message = Assert.IsType<RequestDownload>(envelope.Body);
        Assert.Equal("1 Firmware Upgrade Image", message.FileType);
        Assert.Empty(message.FileTypeArg);
    }

    [Fact]
    public void DUStateChangeComplete_in_schema_form_with_repeated_Results()
    {
        CwmpEnvelope envelope = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <soapenv:Header>
                <cwmp:ID soapenv:mustUnderstand="1">dscc-9</cwmp:ID>
              </soapenv:Header>
              <soapenv:Body>
                <cwmp:DUStateChangeComplete>
                  <Results>
                    <UUID>c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d</UUID>
                    <DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1</DeploymentUnitRef>
                    <Version>1.0.0</Version>
                    <CurrentState>Installed</CurrentState>
                    <Resolved>true</Resolved>
                    <ExecutionUnitRefList>Device.SoftwareModules.ExecutionUnit.1,Device.SoftwareModules.ExecutionUnit.2</ExecutionUnitRefList>
                    <StartTime>2026-04-08T10:00:00Z</StartTime>
                    <CompleteTime>2026-04-08T10:01:30Z</CompleteTime>
                    <Fault>
                      <FaultCode>0</FaultCode>
                      <FaultString></FaultString>
                    </Fault>
                  </Results>
                  <Results>
                    <UUID>0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</UUID>
                    <DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.2</DeploymentUnitRef>
                    <Version>2.3</Version>
                    <CurrentState>Uninstalled</CurrentState>
                    <Resolved>0</Resolved>
                    <ExecutionUnitRefList></ExecutionUnitRefList>
                    <StartTime>2026-04-08T10:01:30Z</StartTime>
                    <CompleteTime>2026-04-08T10:01:31Z</CompleteTime>
                    <Fault>
                      <FaultCode>0</FaultCode>
                    </Fault>
                  </Results>
                  <Results>
                    <UUID>11111111-2222-3333-4444-555555555555</UUID>
                    <DeploymentUnitRef></DeploymentUnitRef>
                    <Version></Version>
                    <CurrentState>Failed</CurrentState>
                    <Resolved>false</Resolved>
                    <ExecutionUnitRefList/>
                    <StartTime>2026-04-08T10:01:31Z</StartTime>
                    <CompleteTime>0001-01-01T00:00:00Z</CompleteTime>
                    <Fault>
                      <FaultCode>9018</FaultCode>
                      <FaultString>File transfer failure: file corrupted</FaultString>
                    </Fault>
                  </Results>
                  <CommandKey>cdus-7</CommandKey>
                </cwmp:DUStateChangeComplete>
              </soapenv:Body>
            </soapenv:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal("dscc-9", envelope.Header.Id);
        DUStateChangeComplete message = Assert.IsType<DUStateChangeComplete>(envelope.Body);
        Assert.Equal("cdus-7", message.CommandKey);
        Assert.Equal(ExpectedDuResults(), message.Results.AsSpan().ToArray());
    }

    [Fact]
    public void DUStateChangeComplete_as_a_Results_array_of_OpResultStruct_as_agents_send_it()
    {
        // icwmp-style: CommandKey first, one Results array holding OpResultStruct items, soap_env prefix.
        CwmpEnvelope envelope = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <soap_env:Envelope xmlns:soap_env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap_enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <soap_env:Header>
                <cwmp:ID soap_env:mustUnderstand="1">dscc-9</cwmp:ID>
              </soap_env:Header>
              <soap_env:Body>
                <cwmp:DUStateChangeComplete>
                  <CommandKey>cdus-7</CommandKey>
                  <Results soap_enc:arrayType="cwmp:OpResultStruct[3]">
                    <OpResultStruct>
                      <UUID>c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d</UUID>
                      <DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1</DeploymentUnitRef>
                      <Version>1.0.0</Version>
                      <CurrentState>Installed</CurrentState>
                      <Resolved>1</Resolved>
                      <ExecutionUnitRefList>Device.SoftwareModules.ExecutionUnit.1,Device.SoftwareModules.ExecutionUnit.2</ExecutionUnitRefList>
                      <StartTime>2026-04-08T10:00:00Z</StartTime>
                      <CompleteTime>2026-04-08T10:01:30Z</CompleteTime>
                      <Fault>
                        <FaultCode>0</FaultCode>
                        <FaultString></FaultString>
                      </Fault>
                    </OpResultStruct>
                    <OpResultStruct>
                      <UUID>0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</UUID>
                      <DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.2</DeploymentUnitRef>
                      <Version>2.3</Version>
                      <CurrentState>Uninstalled</CurrentState>
                      <Resolved>0</Resolved>
                      <ExecutionUnitRefList></ExecutionUnitRefList>
                      <StartTime>2026-04-08T10:01:30Z</StartTime>
                      <CompleteTime>2026-04-08T10:01:31Z</CompleteTime>
                      <Fault>
                        <FaultCode>0</FaultCode>
                      </Fault>
                    </OpResultStruct>
                    <OpResultStruct>
                      <UUID>11111111-2222-3333-4444-555555555555</UUID>
                      <DeploymentUnitRef></DeploymentUnitRef>
                      <Version></Version>
                      <CurrentState>Failed</CurrentState>
                      <Resolved>0</Resolved>
                      <ExecutionUnitRefList></ExecutionUnitRefList>
                      <StartTime>2026-04-08T10:01:31Z</StartTime>
                      <CompleteTime>0001-01-01T00:00:00Z</CompleteTime>
                      <Fault>
                        <FaultCode>9018</FaultCode>
                        <FaultString>File transfer failure: file corrupted</FaultString>
                      </Fault>
                    </OpResultStruct>
                  </Results>
                </cwmp:DUStateChangeComplete>
              </soap_env:Body>
            </soap_env:Envelope>
            """u8);

        DUStateChangeComplete message = Assert.IsType<DUStateChangeComplete>(envelope.Body);
        Assert.Equal("cdus-7", message.CommandKey);
        Assert.Equal(ExpectedDuResults(), message.Results.AsSpan().ToArray());
    }

    [Fact]
    public void AutonomousDUStateChangeComplete_in_a_cwmp_1_2_envelope()
    {
        CwmpEnvelope envelope = Parse("""
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <SOAP-ENV:Header>
                <cwmp:ID SOAP-ENV:mustUnderstand="1">adscc-3</cwmp:ID>
              </SOAP-ENV:Header>
              <SOAP-ENV:Body>
                <cwmp:AutonomousDUStateChangeComplete>
                  <Results>
                    <UUID>c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d</UUID>
                    <DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1</DeploymentUnitRef>
                    <Version>1.0.1</Version>
                    <CurrentState>Installed</CurrentState>
                    <Resolved>true</Resolved>
                    <ExecutionUnitRefList>Device.SoftwareModules.ExecutionUnit.1</ExecutionUnitRefList>
                    <StartTime>2026-04-09T22:00:00Z</StartTime>
                    <CompleteTime>2026-04-09T22:00:41Z</CompleteTime>
                    <Fault>
                      <FaultCode>0</FaultCode>
                      <FaultString></FaultString>
                    </Fault>
                    <OperationPerformed>Update</OperationPerformed>
                  </Results>
                  <Results>
                    <UUID>abcdefab-cdef-abcd-efab-cdefabcdefab</UUID>
                    <DeploymentUnitRef></DeploymentUnitRef>
                    <Version>3.0</Version>
                    <CurrentState>Failed</CurrentState>
                    <Resolved>false</Resolved>
                    <ExecutionUnitRefList></ExecutionUnitRefList>
                    <StartTime>2026-04-09T22:01:00Z</StartTime>
                    <CompleteTime>2026-04-09T22:01:02Z</CompleteTime>
                    <Fault>
                      <FaultCode>9023</FaultCode>
                      <FaultString>Unknown Execution Environment</FaultString>
                    </Fault>
                    <OperationPerformed>Install</OperationPerformed>
                  </Results>
                </cwmp:AutonomousDUStateChangeComplete>
              </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal("adscc-3", envelope.Header.Id);
        AutonomousDUStateChangeComplete message = Assert.IsType<AutonomousDUStateChangeComplete>(envelope.Body);
        AutonOpResultStruct[] expected =
        [
            new(
                new OpResultStruct(
                    "c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d",
                    "Device.SoftwareModules.DeploymentUnit.1",
                    "1.0.1",
                    "Installed",
                    Resolved: true,
                    "Device.SoftwareModules.ExecutionUnit.1",
                    Utc(2026, 4, 9, 22, 0, 0),
                    Utc(2026, 4, 9, 22, 0, 41),
                    new DeploymentUnitFaultStruct(0, "")),
                "Update"),
            new(
                new OpResultStruct(
                    "abcdefab-cdef-abcd-efab-cdefabcdefab",
                    "",
                    "3.0",
                    "Failed",
                    Resolved: false,
                    "",
                    Utc(2026, 4, 9, 22, 1, 0),
                    Utc(2026, 4, 9, 22, 1, 2),
                    new DeploymentUnitFaultStruct(FaultCodes.UnknownExecutionEnvironment, "Unknown Execution Environment")),
                "Install"),
        ];
        Assert.Equal(expected, message.Results.AsSpan().ToArray());
    }

    [Fact]
    public void Kicked_in_a_cwmp_1_0_envelope()
    {
        CwmpEnvelope envelope = Parse("""
            <?xml version="1.0"?>
            <soapenv:Envelope
                xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
              <soapenv:Header>
                <cwmp:ID soapenv:mustUnderstand="1">kick-1</cwmp:ID>
              </soapenv:Header>
              <soapenv:Body>
                <cwmp:Kicked>
                  <Command>login</Command>
                  <Referer>http://192.168.1.1/index.html</Referer>
                  <Arg>user=alice&amp;plan=basic</Arg>
                  <Next>http://192.168.1.1/welcome.html</Next>
                </cwmp:Kicked>
              </soapenv:Body>
            </soapenv:Envelope>
            """u8);

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal("kick-1", envelope.Header.Id);
        Kicked message = Assert.IsType<Kicked>(envelope.Body);
        Assert.Equal("login", message.Command);
        Assert.Equal("http://192.168.1.1/index.html", message.Referer);
        Assert.Equal("user=alice&plan=basic", message.Arg);
        Assert.Equal("http://192.168.1.1/welcome.html", message.Next);
    }

    private static OpResultStruct[] ExpectedDuResults() =>
    [
        new(
            "c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d",
            "Device.SoftwareModules.DeploymentUnit.1",
            "1.0.0",
            "Installed",
            Resolved: true,
            "Device.SoftwareModules.ExecutionUnit.1,Device.SoftwareModules.ExecutionUnit.2",
            Utc(2026, 4, 8, 10, 0, 0),
            Utc(2026, 4, 8, 10, 1, 30),
            new DeploymentUnitFaultStruct(0, "")),
        new(
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
            "Device.SoftwareModules.DeploymentUnit.2",
            "2.3",
            "Uninstalled",
            Resolved: false,
            "",
            Utc(2026, 4, 8, 10, 1, 30),
            Utc(2026, 4, 8, 10, 1, 31),
            new DeploymentUnitFaultStruct(0, null)),
        new(
            "11111111-2222-3333-4444-555555555555",
            "",
            "",
            "Failed",
            Resolved: false,
            "",
            Utc(2026, 4, 8, 10, 1, 31),
            CwmpDateTime.Unknown,
            new DeploymentUnitFaultStruct(FaultCodes.FileCorrupted, "File transfer failure: file corrupted")),
    ];

    private static CwmpDateTime Utc(int year, int month, int day, int hour, int minute, int second) =>
        CwmpDateTime.From(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero));

    private static CwmpEnvelope Parse(ReadOnlySpan<byte> xml) =>
        CwmpParser.Parse(xml.ToArray()) ?? throw new InvalidOperationException("The envelope parsed as an empty POST.");
}
