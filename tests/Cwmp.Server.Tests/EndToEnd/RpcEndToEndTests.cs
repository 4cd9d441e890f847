using System.Net;
using Cwmp.Grains;
using Cwmp.Protocol;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>
/// Every ACS→CPE RPC through the gateway over real HTTP: the scripted CPE receives the request and answers with the
/// bytes a CPE sends; the task's final state and result are what the grain reports. One device per test.
/// </summary>
public sealed partial class RpcEndToEndTests(SharedHostFixture host) : IClassFixture<SharedHostFixture>
{
    private const string Cwmp10 = CpeMessages.Cwmp10;
    private const string Cwmp12 = CpeMessages.Cwmp12;
    private const string UnknownTime = "0001-01-01T00:00:00Z";

    private InProcessServer Server => host.Server;

    [Fact]
    public async Task GetRPCMethods_returns_the_cpe_method_list()
    {
        var task = await RunAsync("RPC0001", Cwmp10, new GetRPCMethods(), _ =>
            "<cwmp:GetRPCMethodsResponse><MethodList SOAP-ENC:arrayType=\"xsd:string[3]\">"
            + "<string>GetRPCMethods</string><string>GetParameterValues</string><string>Reboot</string>"
            + "</MethodList></cwmp:GetRPCMethodsResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new GetRPCMethodsResponse(["GetRPCMethods", "GetParameterValues", "Reboot"]), task.Response);
    }

    [Fact]
    public async Task SetParameterValues_is_done_with_status_0()
    {
        var rpc = new SetParameterValues(
            [new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt")], "spv-key-1");
        var task = await RunAsync("RPC0002", Cwmp10, rpc, _ =>
            "<cwmp:SetParameterValuesResponse><Status>0</Status></cwmp:SetParameterValuesResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new SetParameterValuesResponse(0), task.Response);
        var cached = await Device("RPC0002").GetParametersAsync("Device.ManagementServer.PeriodicInformInterval");
        Assert.Equal("300", Assert.Single(cached).Value);
    }

    [Fact]
    public async Task SetParameterValues_answered_with_a_9003_fault_is_faulted_with_the_parameter_faults()
    {
        var rpc = new SetParameterValues(
            [new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "-5", "xsd:unsignedInt")], "spv-key-2");
        var task = await RunAsync("RPC0003", Cwmp10, rpc, _ =>
            "<SOAP-ENV:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail>"
            + "<cwmp:Fault><FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>"
            + "<SetParameterValuesFault><ParameterName>Device.ManagementServer.PeriodicInformInterval</ParameterName>"
            + "<FaultCode>9007</FaultCode><FaultString>Invalid parameter value</FaultString></SetParameterValuesFault>"
            + "</cwmp:Fault></detail></SOAP-ENV:Fault>");

        Assert.Equal(DeviceTaskState.Faulted, task.State);
        Assert.Null(task.Response);
        var fault = task.Fault!;
        Assert.Equal(9003, fault.FaultCode);
        Assert.Equal("Invalid arguments", fault.FaultString);
        Assert.Equal(
            [new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", 9007, "Invalid parameter value")],
            fault.SetParameterValuesFaults);
    }

    [Fact]
    public async Task GetParameterValues_returns_the_values()
    {
        var task = await RunAsync("RPC0004", Cwmp10, new GetParameterValues(["Device.DeviceInfo.UpTime"]), _ =>
            "<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[1]\">"
            + "<ParameterValueStruct><Name>Device.DeviceInfo.UpTime</Name><Value xsi:type=\"xsd:unsignedInt\">4711</Value></ParameterValueStruct>"
            + "</ParameterList></cwmp:GetParameterValuesResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new GetParameterValuesResponse([new ParameterValueStruct("Device.DeviceInfo.UpTime", "4711", "xsd:unsignedInt")]), task.Response);
    }

    [Fact]
    public async Task GetParameterNames_returns_the_names()
    {
        var task = await RunAsync("RPC0005", Cwmp10, new GetParameterNames("Device.DeviceInfo.", true), _ =>
            "<cwmp:GetParameterNamesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterInfoStruct[2]\">"
            + "<ParameterInfoStruct><Name>Device.DeviceInfo.UpTime</Name><Writable>0</Writable></ParameterInfoStruct>"
            + "<ParameterInfoStruct><Name>Device.DeviceInfo.ProvisioningCode</Name><Writable>1</Writable></ParameterInfoStruct>"
            + "</ParameterList></cwmp:GetParameterNamesResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new GetParameterNamesResponse([
                new ParameterInfoStruct("Device.DeviceInfo.UpTime", false),
                new ParameterInfoStruct("Device.DeviceInfo.ProvisioningCode", true)]),
            task.Response);
    }

    [Fact]
    public async Task SetParameterAttributes_is_done()
    {
        var rpc = new SetParameterAttributes([
            new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 2, false, [])]);
        var task = await RunAsync("RPC0006", Cwmp10, rpc, _ => "<cwmp:SetParameterAttributesResponse></cwmp:SetParameterAttributesResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new SetParameterAttributesResponse(), task.Response);
    }

    [Fact]
    public async Task GetParameterAttributes_returns_the_attributes()
    {
        var task = await RunAsync("RPC0007", Cwmp10, new GetParameterAttributes(["Device.DeviceInfo.SoftwareVersion"]), _ =>
            "<cwmp:GetParameterAttributesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterAttributeStruct[1]\">"
            + "<ParameterAttributeStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><Notification>2</Notification>"
            + "<AccessList SOAP-ENC:arrayType=\"xsd:string[1]\"><string>Subscriber</string></AccessList></ParameterAttributeStruct>"
            + "</ParameterList></cwmp:GetParameterAttributesResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new GetParameterAttributesResponse([new ParameterAttributeStruct("Device.DeviceInfo.SoftwareVersion", 2, ["Subscriber"])]),
            task.Response);
    }

    [Fact]
    public async Task AddObject_returns_the_instance_number()
    {
        var task = await RunAsync("RPC0008", Cwmp10, new AddObject("Device.NAT.PortMapping.", "add-key"), _ =>
            "<cwmp:AddObjectResponse><InstanceNumber>7</InstanceNumber><Status>0</Status></cwmp:AddObjectResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new AddObjectResponse(7, 0), task.Response);
    }

    [Fact]
    public async Task DeleteObject_is_done_with_status_0()
    {
        var task = await RunAsync("RPC0009", Cwmp10, new DeleteObject("Device.NAT.PortMapping.7.", "del-key"), _ =>
            "<cwmp:DeleteObjectResponse><Status>0</Status></cwmp:DeleteObjectResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new DeleteObjectResponse(0), task.Response);
    }

    [Fact]
    public async Task Reboot_waits_for_the_event_and_is_done_by_the_next_sessions_1_BOOT_and_M_Reboot()
    {
        var task = await RunAsync("RPC0010", Cwmp10, new Reboot("reboot-key"), _ => "<cwmp:RebootResponse></cwmp:RebootResponse>");
        Assert.Equal(DeviceTaskState.AwaitingEvent, task.State);

        await NextSessionAsync("RPC0010", Cwmp10, [("1 BOOT", ""), ("M Reboot", "reboot-key")]);

        var done = await Device("RPC0010").GetTaskAsync(task.Id);
        Assert.Equal(DeviceTaskState.Done, done!.State);
        Assert.Equal(new RebootResponse(), done.Response);
    }

    [Fact]
    public async Task Download_accepted_with_status_1_is_done_by_the_TransferComplete_of_a_later_session()
    {
        var rpc = new Download("dl-key", "1 Firmware Upgrade Image", "http://files.example/fw.bin", "fw-user", "fw-pass", 1048576, "fw.bin");
        var task = await RunAsync("RPC0011", Cwmp10, rpc, _ =>
            $"<cwmp:DownloadResponse><Status>1</Status><StartTime>{UnknownTime}</StartTime><CompleteTime>{UnknownTime}</CompleteTime></cwmp:DownloadResponse>");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, task.State);
        Assert.Equal(new DownloadResponse(1), task.Response);

        await NextSessionAsync("RPC0011", Cwmp10, [("7 TRANSFER COMPLETE", ""), ("M Download", "dl-key")], TransferCompleteBody("dl-key"));

        var done = await Device("RPC0011").GetTaskAsync(task.Id);
        Assert.Equal(DeviceTaskState.Done, done!.State);
        Assert.Null(done.Fault);
    }

    [Fact]
    public async Task ScheduleDownload_waits_for_its_TransferComplete()
    {
        var rpc = new ScheduleDownload(
            "sd-key", "1 Firmware Upgrade Image", "http://files.example/fw2.bin", "", "", 2048, "fw2.bin",
            [new TimeWindowStruct(0, 3600, "1 At Any Time", "Upgrading", -1)]);
        var task = await RunAsync("RPC0012", Cwmp12, rpc, _ => "<cwmp:ScheduleDownloadResponse></cwmp:ScheduleDownloadResponse>");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, task.State);
        Assert.Equal(new ScheduleDownloadResponse(), task.Response);

        await NextSessionAsync("RPC0012", Cwmp12, [("7 TRANSFER COMPLETE", ""), ("M ScheduleDownload", "sd-key")], TransferCompleteBody("sd-key"));

        Assert.Equal(DeviceTaskState.Done, (await Device("RPC0012").GetTaskAsync(task.Id))!.State);
    }

    [Fact]
    public async Task Upload_finished_at_once_is_done_with_its_times()
    {
        var rpc = new Upload("ul-key", "1 Vendor Configuration File", "http://files.example/upload", "up-user", "up-pass", 0);
        var task = await RunAsync("RPC0013", Cwmp10, rpc, _ =>
            "<cwmp:UploadResponse><Status>0</Status><StartTime>2025-03-01T12:00:05Z</StartTime><CompleteTime>2025-03-01T12:00:09Z</CompleteTime></cwmp:UploadResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new UploadResponse(0, CwmpDateTime.Parse("2025-03-01T12:00:05Z"), CwmpDateTime.Parse("2025-03-01T12:00:09Z")),
            task.Response);
    }

    [Fact]
    public async Task FactoryReset_is_done()
    {
        var task = await RunAsync("RPC0014", Cwmp10, new FactoryReset(), _ => "<cwmp:FactoryResetResponse></cwmp:FactoryResetResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new FactoryResetResponse(), task.Response);
    }

    [Fact]
    public async Task GetQueuedTransfers_returns_the_queue()
    {
        var task = await RunAsync("RPC0015", Cwmp10, new GetQueuedTransfers(), _ =>
            "<cwmp:GetQueuedTransfersResponse><TransferList SOAP-ENC:arrayType=\"cwmp:QueuedTransferStruct[2]\">"
            + "<QueuedTransferStruct><CommandKey>dl-9</CommandKey><State>2</State></QueuedTransferStruct>"
            + "<QueuedTransferStruct><CommandKey>dl-10</CommandKey><State>1</State></QueuedTransferStruct>"
            + "</TransferList></cwmp:GetQueuedTransfersResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new GetQueuedTransfersResponse([new QueuedTransferStruct("dl-9", 2), new QueuedTransferStruct("dl-10", 1)]),
            task.Response);
    }

    [Fact]
    public async Task GetAllQueuedTransfers_returns_the_queue()
    {
        var task = await RunAsync("RPC0016", Cwmp12, new GetAllQueuedTransfers(), _ =>
            "<cwmp:GetAllQueuedTransfersResponse><TransferList SOAP-ENC:arrayType=\"cwmp:AllQueuedTransferStruct[1]\">"
            + "<AllQueuedTransferStruct><CommandKey>dl-9</CommandKey><State>2</State><IsDownload>1</IsDownload>"
            + "<FileType>1 Firmware Upgrade Image</FileType><FileSize>1048576</FileSize><TargetFileName>fw.bin</TargetFileName>"
            + "</AllQueuedTransferStruct></TransferList></cwmp:GetAllQueuedTransfersResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new GetAllQueuedTransfersResponse([new AllQueuedTransferStruct("dl-9", 2, true, "1 Firmware Upgrade Image", 1048576, "fw.bin")]),
            task.Response);
    }

    [Fact]
    public async Task ScheduleInform_waits_for_the_event_and_is_done_by_M_ScheduleInform()
    {
        var task = await RunAsync("RPC0017", Cwmp10, new ScheduleInform(60, "si-key"), _ => "<cwmp:ScheduleInformResponse></cwmp:ScheduleInformResponse>");
        Assert.Equal(DeviceTaskState.AwaitingEvent, task.State);

        await NextSessionAsync("RPC0017", Cwmp10, [("3 SCHEDULED", ""), ("M ScheduleInform", "si-key")]);

        var done = await Device("RPC0017").GetTaskAsync(task.Id);
        Assert.Equal(DeviceTaskState.Done, done!.State);
        Assert.Equal(new ScheduleInformResponse(), done.Response);
    }

    [Fact]
    public async Task SetVouchers_is_done()
    {
        var task = await RunAsync("RPC0018", Cwmp10, new SetVouchers(["dm91Y2hlci0x", "dm91Y2hlci0y"]), _ => "<cwmp:SetVouchersResponse></cwmp:SetVouchersResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new SetVouchersResponse(), task.Response);
    }

    [Fact]
    public async Task GetOptions_returns_the_options()
    {
        var task = await RunAsync("RPC0019", Cwmp10, new GetOptions("X_Option"), _ =>
            "<cwmp:GetOptionsResponse><OptionList SOAP-ENC:arrayType=\"cwmp:OptionStruct[1]\"><OptionStruct>"
            + "<OptionName>X_Option</OptionName><VoucherSN>42</VoucherSN><State>1</State><Mode>1</Mode>"
            + "<StartDate>2025-01-01T00:00:00Z</StartDate><ExpirationDate>2026-01-01T00:00:00Z</ExpirationDate><IsTransferable>0</IsTransferable>"
            + "</OptionStruct></OptionList></cwmp:GetOptionsResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(
            new GetOptionsResponse([new OptionStruct(
                "X_Option", 42, 1, 1, CwmpDateTime.Parse("2025-01-01T00:00:00Z"), CwmpDateTime.Parse("2026-01-01T00:00:00Z"), 0)]),
            task.Response);
    }

    [Fact]
    public async Task CancelTransfer_is_done()
    {
        var task = await RunAsync("RPC0020", Cwmp12, new CancelTransfer("dl-9"), _ => "<cwmp:CancelTransferResponse></cwmp:CancelTransferResponse>");

        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new CancelTransferResponse(), task.Response);
    }

    [Fact]
    public async Task ChangeDUState_waits_for_and_is_done_by_the_DUStateChangeComplete_of_a_later_session()
    {
        var rpc = new ChangeDUState(
            [new InstallOperation("http://files.example/du.ipk", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "du-user", "du-pass", "Device.SoftwareModules.ExecEnv.1.")],
            "du-key");
        var task = await RunAsync("RPC0021", Cwmp12, rpc, _ => "<cwmp:ChangeDUStateResponse></cwmp:ChangeDUStateResponse>");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, task.State);
        Assert.Equal(new ChangeDUStateResponse(), task.Response);

        var reply = await NextSessionAsync(
            "RPC0021", Cwmp12, [("11 DU STATE CHANGE COMPLETE", ""), ("M ChangeDUState", "du-key")], DuStateChangeCompleteBody("du-key"));
        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version12, CpeRequestId, new DUStateChangeCompleteResponse()), reply);

        var done = await Device("RPC0021").GetTaskAsync(task.Id);
        Assert.Equal(DeviceTaskState.Done, done!.State);
        Assert.Null(done.Fault);
    }

    /// <summary>Queues <paramref name="rpc"/>, opens a session, checks what the CPE receives and answers it.</summary>
    private async Task<DeviceTaskView> RunAsync(string serial, string ns, CwmpRequest rpc, Func<string, string> answerBody)
    {
        var device = Device(serial);
        var queued = await Within.Await(
            device.EnqueueAsync(new EnqueueRequest([rpc], Requester: "e2e")), Within.Call, $"EnqueueAsync of {rpc.MethodName} to return");
        var taskId = Assert.Single(queued.Tasks).Id;

        using var cpe = new ScriptedCpe(Server.Ports.Cwmp);
        var informed = await cpe.PostAsync(CpeMessages.Inform(ns, "Device.", serial, "inform-1", "2 PERIODIC"));
        Assert.Equal(HttpStatusCode.OK, informed.Status);
        Assert.IsType<InformResponse>(informed.Envelope!.Body);

        var request = await cpe.PostAsync(null);
        Assert.Equal(HttpStatusCode.OK, request.Status);
        Assert.Equal(ns, request.Envelope!.CwmpNamespace);
        Assert.Equal(taskId, request.Envelope.Header.Id);
        Assert.Equal(rpc.MethodName, request.Envelope.Body.MethodName);
        Assert.Equal(rpc, request.Envelope.Body);

        var answered = await cpe.PostAsync(CpeMessages.Message(ns, taskId, answerBody(taskId)));
        Assert.Equal(HttpStatusCode.NoContent, answered.Status);

        var task = await device.GetTaskAsync(taskId);
        Assert.NotNull(task);
        Assert.Equal(1, task.Attempts);
        Assert.Equal("e2e", task.Requester);
        return task;
    }

    /// <summary>
    /// A later session of the device: an Inform with <paramref name="events"/>, optionally one CPE request (whose
    /// answer is returned), then the empty POST that ends it.
    /// </summary>
    private async Task<CwmpEnvelope?> NextSessionAsync(string serial, string ns, (string Code, string CommandKey)[] events, string? cpeRequestBody = null)
    {
        using var cpe = new ScriptedCpe(Server.Ports.Cwmp);
        var informed = await cpe.PostAsync(CpeMessages.Inform(ns, "Device.", serial, "inform-2", events));
        Assert.Equal(HttpStatusCode.OK, informed.Status);
        Assert.IsType<InformResponse>(informed.Envelope!.Body);

        CwmpEnvelope? answer = null;
        if (cpeRequestBody is not null)
        {
            var answered = await cpe.PostAsync(CpeMessages.Message(ns, CpeRequestId, cpeRequestBody));
            Assert.Equal(HttpStatusCode.OK, answered.Status);
            answer = answered.Envelope;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);
        return answer;
    }

    private IDeviceGrain Device(string serial) => Server.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf(serial));
}
