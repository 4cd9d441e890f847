using System.Net;
using Cwmp.Protocol;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>CPE→ACS requests inside a session, over HTTP: the ACS's exact answer to each.</summary>
public sealed partial class RpcEndToEndTests
{
    private const string CpeRequestId = "cpe-req-1";

    [Fact]
    public async Task TransferComplete_is_answered_with_TransferCompleteResponse()
    {
        var reply = await CpeRequestAsync("CPE0001", Cwmp10, TransferCompleteBody("unknown-key"));

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version10, CpeRequestId, new TransferCompleteResponse()), reply);
    }

    [Fact]
    public async Task AutonomousTransferComplete_is_answered_with_AutonomousTransferCompleteResponse()
    {
        var reply = await CpeRequestAsync("CPE0002", Cwmp12,
            "<cwmp:AutonomousTransferComplete><AnnounceURL></AnnounceURL><TransferURL>http://files.example/auto.bin</TransferURL>"
            + "<IsDownload>1</IsDownload><FileType>1 Firmware Upgrade Image</FileType><FileSize>4096</FileSize><TargetFileName>auto.bin</TargetFileName>"
            + "<FaultStruct><FaultCode>0</FaultCode><FaultString></FaultString></FaultStruct>"
            + "<StartTime>2025-03-01T12:00:00Z</StartTime><CompleteTime>2025-03-01T12:01:00Z</CompleteTime></cwmp:AutonomousTransferComplete>");

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version12, CpeRequestId, new AutonomousTransferCompleteResponse()), reply);
    }

    [Fact]
    public async Task GetRPCMethods_from_the_cpe_is_answered_with_the_acs_methods()
    {
        var reply = await CpeRequestAsync("CPE0003", Cwmp10, "<cwmp:GetRPCMethods></cwmp:GetRPCMethods>");

        Assert.Equal(
            CwmpEnvelope.Create(CwmpVersion.Version10, CpeRequestId, new GetRPCMethodsResponse([
                "Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete", "RequestDownload",
                "DUStateChangeComplete", "AutonomousDUStateChangeComplete", "Kicked"])),
            reply);
    }

    [Fact]
    public async Task RequestDownload_is_answered_with_RequestDownloadResponse()
    {
        var reply = await CpeRequestAsync("CPE0004", Cwmp10,
            "<cwmp:RequestDownload><FileType>1 Firmware Upgrade Image</FileType>"
            + "<FileTypeArg SOAP-ENC:arrayType=\"cwmp:ArgStruct[1]\"><ArgStruct><Name>Version</Name><Value>V5R020</Value></ArgStruct></FileTypeArg>"
            + "</cwmp:RequestDownload>");

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version10, CpeRequestId, new RequestDownloadResponse()), reply);
    }

    [Fact]
    public async Task DUStateChangeComplete_without_a_task_is_answered_with_DUStateChangeCompleteResponse()
    {
        var reply = await CpeRequestAsync("CPE0005", Cwmp12, DuStateChangeCompleteBody("unknown-du-key"));

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version12, CpeRequestId, new DUStateChangeCompleteResponse()), reply);
    }

    [Fact]
    public async Task AutonomousDUStateChangeComplete_is_answered_with_AutonomousDUStateChangeCompleteResponse()
    {
        var reply = await CpeRequestAsync("CPE0006", Cwmp12,
            "<cwmp:AutonomousDUStateChangeComplete><Results SOAP-ENC:arrayType=\"cwmp:AutonOpResultStruct[1]\"><AutonOpResultStruct>"
            + "<UUID>6ba7b811-9dad-11d1-80b4-00c04fd430c8</UUID><DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.2</DeploymentUnitRef>"
            + "<Version>2.0</Version><CurrentState>Uninstalled</CurrentState><Resolved>1</Resolved><ExecutionUnitRefList></ExecutionUnitRefList>"
            + "<StartTime>2025-03-01T12:00:00Z</StartTime><CompleteTime>2025-03-01T12:00:30Z</CompleteTime>"
            + "<Fault><FaultCode>0</FaultCode><FaultString></FaultString></Fault><OperationPerformed>Uninstall</OperationPerformed>"
            + "</AutonOpResultStruct></Results></cwmp:AutonomousDUStateChangeComplete>");

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version12, CpeRequestId, new AutonomousDUStateChangeCompleteResponse()), reply);
    }

    [Fact]
    public async Task Kicked_is_answered_with_the_next_url()
    {
        var reply = await CpeRequestAsync("CPE0007", Cwmp10,
            "<cwmp:Kicked><Command>activate</Command><Referer>http://portal.example/start</Referer><Arg>plan=gold</Arg>"
            + "<Next>http://portal.example/done</Next></cwmp:Kicked>");

        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version10, CpeRequestId, new KickedResponse("http://portal.example/done")), reply);
    }

    [Fact]
    public async Task An_unknown_method_is_answered_with_fault_8000_and_the_requests_id()
    {
        var reply = await CpeRequestAsync("CPE0008", Cwmp10, "<cwmp:X_VENDOR_Hello><Greeting>hi</Greeting></cwmp:X_VENDOR_Hello>");

        Assert.Equal(CpeRequestId, reply.Header.Id);
        Assert.Equal(Cwmp10, reply.CwmpNamespace);
        var fault = Assert.IsType<CwmpFault>(reply.Body);
        Assert.Equal(8000, fault.FaultCode);
        Assert.Equal("Method not supported", fault.FaultString);
        Assert.Equal("Server", fault.SoapFaultCode);
        Assert.Equal("CWMP fault", fault.SoapFaultString);
        Assert.Empty(fault.SetParameterValuesFaults);
    }

    private static string TransferCompleteBody(string commandKey) =>
        $"<cwmp:TransferComplete><CommandKey>{commandKey}</CommandKey><FaultStruct><FaultCode>0</FaultCode><FaultString></FaultString></FaultStruct>"
        + "<StartTime>2025-03-01T12:00:00Z</StartTime><CompleteTime>2025-03-01T12:01:00Z</CompleteTime></cwmp:TransferComplete>";

    private static string DuStateChangeCompleteBody(string commandKey) =>
        "<cwmp:DUStateChangeComplete><Results SOAP-ENC:arrayType=\"cwmp:OpResultStruct[1]\"><OpResultStruct>"
        + "<UUID>6ba7b810-9dad-11d1-80b4-00c04fd430c8</UUID><DeploymentUnitRef>Device.SoftwareModules.DeploymentUnit.1</DeploymentUnitRef>"
        + "<Version>1.0</Version><CurrentState>Installed</CurrentState><Resolved>1</Resolved>"
        + "<ExecutionUnitRefList>Device.SoftwareModules.ExecutionUnit.1</ExecutionUnitRefList>"
        + "<StartTime>2025-03-01T12:00:00Z</StartTime><CompleteTime>2025-03-01T12:00:30Z</CompleteTime>"
        + "<Fault><FaultCode>0</FaultCode><FaultString></FaultString></Fault>"
        + $"</OpResultStruct></Results><CommandKey>{commandKey}</CommandKey></cwmp:DUStateChangeComplete>";

    /// <summary>Opens a session, sends one CPE request, ends the session with the empty POST; returns the ACS's answer.</summary>
    private async Task<CwmpEnvelope> CpeRequestAsync(string serial, string ns, string body)
    {
        using var cpe = new ScriptedCpe(Server.Ports.Cwmp);
        var informed = await cpe.PostAsync(CpeMessages.Inform(ns, "Device.", serial, "inform-1", "2 PERIODIC"));
        Assert.Equal(HttpStatusCode.OK, informed.Status);

        var answered = await cpe.PostAsync(CpeMessages.Message(ns, CpeRequestId, body));
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.NotNull(answered.Envelope);

        Assert.Equal(HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);
        return answered.Envelope;
    }
}
