using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// The transfer family against exact bytes: what the writer sends to strict CPEs, and what real CPEs send back
/// (their own prefixes, indentation, 0/1 booleans, the unknown time).
/// </summary>
public sealed class TransferMessageTests
{
    private const string EnvelopeStart10 =
        "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">";

    private const string EnvelopeStart12 =
        "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">";

    [Fact]
    public void Download_writes_every_element_even_the_empty_ones()
    {
        var download = new Download(
            "fw-2026-11",
            "1 Firmware Upgrade Image",
            "http://fw.example.net/images/BM632w.bin?a=1&b=2",
            Username: "",
            Password: "",
            FileSize: 16_777_216,
            TargetFileName: "BM632w.bin",
            DelaySeconds: 0,
            SuccessUrl: "",
            FailureUrl: "");

        byte[] bytes = CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version10, "dl-1", download));

        AssertBytes(
            EnvelopeStart10
            + "<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">dl-1</cwmp:ID></soap-env:Header>"
            + "<soap-env:Body><cwmp:Download>"
            + "<CommandKey>fw-2026-11</CommandKey>"
            + "<FileType>1 Firmware Upgrade Image</FileType>"
            + "<URL>http://fw.example.net/images/BM632w.bin?a=1&amp;b=2</URL>"
            + "<Username></Username>"
            + "<Password></Password>"
            + "<FileSize>16777216</FileSize>"
            + "<TargetFileName>BM632w.bin</TargetFileName>"
            + "<DelaySeconds>0</DelaySeconds>"
            + "<SuccessURL></SuccessURL>"
            + "<FailureURL></FailureURL>"
            + "</cwmp:Download></soap-env:Body></soap-env:Envelope>",
            bytes);
    }

    [Fact]
    public void ChangeDUState_writes_each_operation_as_an_Operations_element_with_a_literal_cwmp_xsi_type()
    {
        var change = new ChangeDUState(
            [new InstallOperation("http://du.example.net/speedtest.ipk", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", ExecutionEnvRef: "Device.SoftwareModules.ExecEnv.1.")],
            "du-1");

        byte[] bytes = CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version12, "cdu-1", change));

        // Username and Password are null, so they are absent (minOccurs="0"), not empty.
        AssertBytes(
            EnvelopeStart12
            + "<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">cdu-1</cwmp:ID></soap-env:Header>"
            + "<soap-env:Body><cwmp:ChangeDUState>"
            + "<Operations xsi:type=\"cwmp:InstallOpStruct\">"
            + "<URL>http://du.example.net/speedtest.ipk</URL>"
            + "<UUID>6ba7b810-9dad-11d1-80b4-00c04fd430c8</UUID>"
            + "<ExecutionEnvRef>Device.SoftwareModules.ExecEnv.1.</ExecutionEnvRef>"
            + "</Operations>"
            + "<CommandKey>du-1</CommandKey>"
            + "</cwmp:ChangeDUState></soap-env:Body></soap-env:Envelope>",
            bytes);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("")]
    public void DownloadResponse_from_a_CPE_with_status_1_has_unknown_times(string unknownTime)
    {
        string xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <SOAP-ENV:Header>
            <cwmp:ID SOAP-ENV:mustUnderstand="1">dl-1</cwmp:ID>
            </SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <cwmp:DownloadResponse>
            <Status>1</Status>
            <StartTime>{unknownTime}</StartTime>
            <CompleteTime>{unknownTime}</CompleteTime>
            </cwmp:DownloadResponse>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """;

        CwmpEnvelope envelope = Parse(xml);

        Assert.Equal(CwmpNamespaces.Cwmp10, envelope.CwmpNamespace);
        Assert.Equal("dl-1", envelope.Header.Id);
        DownloadResponse response = Assert.IsType<DownloadResponse>(envelope.Body);
        Assert.Equal(1, response.Status);
        Assert.True(response.StartTime.IsUnknown);
        Assert.Equal(CwmpDateTime.Unknown, response.StartTime);
        Assert.True(response.CompleteTime.IsUnknown);
        Assert.Equal(CwmpDateTime.Unknown, response.CompleteTime);
        Assert.Equal(new DownloadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown), response);
    }

    [Fact]
    public void DownloadResponse_without_a_status_is_rejected()
    {
        const string Xml = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <soap:Body><cwmp:DownloadResponse><StartTime>0001-01-01T00:00:00Z</StartTime></cwmp:DownloadResponse></soap:Body>
            </soap:Envelope>
            """;

        CwmpParseException error = Assert.Throws<CwmpParseException>(() => Parse(Xml));

        Assert.Equal(CwmpParseError.MissingElement, error.Error);
    }

    [Fact]
    public void GetAllQueuedTransfersResponse_from_a_CPE_gives_every_field_of_every_entry()
    {
        const string Xml = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
              <soapenv:Header>
                <cwmp:ID soapenv:mustUnderstand="1">gaqt-7</cwmp:ID>
              </soapenv:Header>
              <soapenv:Body>
                <cwmp:GetAllQueuedTransfersResponse>
                  <TransferList soapenc:arrayType="cwmp:AllQueuedTransferStruct[2]">
                    <AllQueuedTransferStruct>
                      <CommandKey>fw-2026-11</CommandKey>
                      <State>2</State>
                      <IsDownload>1</IsDownload>
                      <FileType>1 Firmware Upgrade Image</FileType>
                      <FileSize>16777216</FileSize>
                      <TargetFileName>BM632w.bin</TargetFileName>
                    </AllQueuedTransferStruct>
                    <AllQueuedTransferStruct>
                      <CommandKey></CommandKey>
                      <State> 1 </State>
                      <IsDownload>false</IsDownload>
                      <FileType>4 Vendor Log File</FileType>
                      <FileSize>0</FileSize>
                      <TargetFileName/>
                    </AllQueuedTransferStruct>
                  </TransferList>
                </cwmp:GetAllQueuedTransfersResponse>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

        CwmpEnvelope envelope = Parse(Xml);

        Assert.Equal(CwmpNamespaces.Cwmp12, envelope.CwmpNamespace);
        Assert.Equal("gaqt-7", envelope.Header.Id);
        GetAllQueuedTransfersResponse response = Assert.IsType<GetAllQueuedTransfersResponse>(envelope.Body);
        Assert.Equal(2, response.TransferList.Count);

        AllQueuedTransferStruct firmware = response.TransferList[0];
        Assert.Equal("fw-2026-11", firmware.CommandKey);
        Assert.Equal(2, firmware.State);
        Assert.True(firmware.IsDownload);
        Assert.Equal("1 Firmware Upgrade Image", firmware.FileType);
        Assert.Equal(16_777_216u, firmware.FileSize);
        Assert.Equal("BM632w.bin", firmware.TargetFileName);

        AllQueuedTransferStruct log = response.TransferList[1];
        Assert.Equal("", log.CommandKey);
        Assert.Equal(1, log.State);
        Assert.False(log.IsDownload);
        Assert.Equal("4 Vendor Log File", log.FileType);
        Assert.Equal(0u, log.FileSize);
        Assert.Equal("", log.TargetFileName);
    }

    [Fact]
    public void Empty_transfer_list_parses_to_an_empty_array()
    {
        const string Xml = """
            <soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <soap-env:Body><cwmp:GetQueuedTransfersResponse><TransferList soap-enc:arrayType="cwmp:QueuedTransferStruct[0]"/></cwmp:GetQueuedTransfersResponse></soap-env:Body>
            </soap-env:Envelope>
            """;

        GetQueuedTransfersResponse response = Assert.IsType<GetQueuedTransfersResponse>(Parse(Xml).Body);

        Assert.Empty(response.TransferList);
        Assert.Equal(new GetQueuedTransfersResponse([]), response);
    }

    [Theory]
    [InlineData("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"", "cwmp:InstallOpStruct")]
    [InlineData("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\" xmlns:dm=\"urn:dslforum-org:cwmp-1-2\"", "dm:InstallOpStruct")]
    [InlineData("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"", "InstallOpStruct")]
    [InlineData("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"", " cwmp:InstallOpStruct ")]
    public void ChangeDUState_operation_kind_comes_from_xsi_type_whatever_its_prefix(string namespaces, string xsiType)
    {
        string xml = $"""
            <soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" {namespaces}>
            <soap-env:Body><cwmp:ChangeDUState>
            <Operations xsi:type="{xsiType}"><URL>http://du.example.net/a.ipk</URL><Username>u</Username></Operations>
            <Operations xsi:type="cwmp:UpdateOpStruct"><UUID>6ba7b811-9dad-11d1-80b4-00c04fd430c8</UUID><Version>2.0</Version></Operations>
            <Operations xsi:type="cwmp:UninstallOpStruct"><UUID>6ba7b812-9dad-11d1-80b4-00c04fd430c8</UUID></Operations>
            <CommandKey>du-9</CommandKey>
            </cwmp:ChangeDUState></soap-env:Body>
            </soap-env:Envelope>
            """;

        ChangeDUState change = Assert.IsType<ChangeDUState>(Parse(xml).Body);

        Assert.Equal(
            new ChangeDUState(
                [
                    new InstallOperation("http://du.example.net/a.ipk", Username: "u"),
                    new UpdateOperation("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "2.0"),
                    new UninstallOperation("6ba7b812-9dad-11d1-80b4-00c04fd430c8"),
                ],
                "du-9"),
            change);
    }

    [Theory]
    [InlineData("<Operations><URL>http://du.example.net/a.ipk</URL></Operations>")]
    [InlineData("<Operations xsi:type=\"cwmp:RebootOpStruct\"><URL>http://du.example.net/a.ipk</URL></Operations>")]
    public void ChangeDUState_operation_of_unknown_kind_is_rejected(string operation)
    {
        string xml = $"""
            <soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
            <soap-env:Body><cwmp:ChangeDUState>{operation}</cwmp:ChangeDUState></soap-env:Body>
            </soap-env:Envelope>
            """;

        CwmpParseException error = Assert.Throws<CwmpParseException>(() => Parse(xml));

        Assert.Equal(CwmpParseError.InvalidValue, error.Error);
        Assert.Equal("ChangeDUState", error.MethodName);
    }

    [Fact]
    public void ChangeDUState_without_a_CommandKey_has_a_null_one_and_writes_none()
    {
        var change = new ChangeDUState([new UninstallOperation("6ba7b812-9dad-11d1-80b4-00c04fd430c8")]);

        string xml = Encoding.UTF8.GetString(CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version12, null, change)));
        ChangeDUState back = Assert.IsType<ChangeDUState>(Parse(xml).Body);

        Assert.DoesNotContain("CommandKey", xml, StringComparison.Ordinal);
        Assert.Null(back.CommandKey);
        Assert.Equal(change, back);
    }

    [Fact]
    public void ChangeDUState_as_an_array_of_named_op_structs_is_accepted()
    {
        const string xml =
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
            "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"><soapenv:Body><cwmp:ChangeDUState>" +
            "<Operations soapenc:arrayType=\"cwmp:OperationStruct[2]\">" +
            "<InstallOpStruct><URL>http://127.0.0.1/du.ipk</URL><UUID></UUID><Username></Username><Password></Password><ExecutionEnvRef></ExecutionEnvRef></InstallOpStruct>" +
            "<UninstallOpStruct><UUID>6ba7b812-9dad-11d1-80b4-00c04fd430c8</UUID><Version>1.0</Version><ExecutionEnvRef></ExecutionEnvRef></UninstallOpStruct>" +
            "</Operations><CommandKey>du-7</CommandKey></cwmp:ChangeDUState></soapenv:Body></soapenv:Envelope>";

        ChangeDUState change = Assert.IsType<ChangeDUState>(Parse(xml).Body);

        Assert.Equal("du-7", change.CommandKey);
        Assert.Equal(2, change.Operations.Count);
        Assert.Equal("http://127.0.0.1/du.ipk", Assert.IsType<InstallOperation>(change.Operations[0]).Url);
        UninstallOperation uninstall = Assert.IsType<UninstallOperation>(change.Operations[1]);
        Assert.Equal(("6ba7b812-9dad-11d1-80b4-00c04fd430c8", "1.0"), (uninstall.Uuid, uninstall.Version));
    }

    private static CwmpEnvelope Parse(string xml) =>
        CwmpParser.Parse(Encoding.UTF8.GetBytes(xml)) ?? throw new InvalidOperationException("The document parsed as an empty POST.");

    private static void AssertBytes(string expected, byte[] actual)
    {
        // The string comparison shows where they differ; the byte comparison also catches a BOM or another encoding.
        Assert.Equal(expected, Encoding.UTF8.GetString(actual));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual);
    }
}
