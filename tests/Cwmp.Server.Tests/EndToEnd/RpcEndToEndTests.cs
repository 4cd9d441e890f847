using System.Net;
using Cwmp.Grains;
using Cwmp.Protocol;
using Cwmp.Server.Tests.Infrastructure;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>
/// Every ACS→CPE RPC through the gateway over real HTTP: the scripted CPE receives the request and answers with the
/// bytes a CPE sends; the task's final state and result are what the grain reports. One device per test.
/// </summary>
public sealed class RpcEndToEndTests(SharedHostFixture host) : IClassFixture<SharedHostFixture>
{
    private const string Cwmp10 = CpeMessages.Cwmp10;
    private const string Cwmp12 = CpeMessages.Cwmp12;
    private const string UnknownTime = "0001-01-01T00:00:00Z";

    private InProcessServer Server => host.Server;

    [Fact]
    public async Task GetRPCMethods_returns_the_cpe_method_list()
    {
        var run = await RunAsync("RPC0001", Cwmp10, new GetRPCMethods(), _ =>
            "<cwmp:GetRPCMethodsResponse><MethodList SOAP-ENC:arrayType=\"xsd:string[3]\">"
            + "<string>GetRPCMethods</string><string>GetParameterValues</string><string>Reboot</string>"
            + "</MethodList></cwmp:GetRPCMethodsResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new GetRPCMethodsResponse(["GetRPCMethods", "GetParameterValues", "Reboot"]), run.Task.Response);
    }

    [Fact]
    public async Task SetParameterValues_is_done_with_status_0()
    {
        var rpc = new SetParameterValues(
            [new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt")], "spv-key-1");
        var run = await RunAsync("RPC0002", Cwmp10, rpc, _ =>
            "<cwmp:SetParameterValuesResponse><Status>0</Status></cwmp:SetParameterValuesResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new SetParameterValuesResponse(0), run.Task.Response);
        var cached = await Device("RPC0002").GetParametersAsync("Device.ManagementServer.PeriodicInformInterval");
        Assert.Equal("300", Assert.Single(cached).Value);
    }

    [Fact]
    public async Task SetParameterValues_answered_with_a_9003_fault_is_faulted_with_the_parameter_faults()
    {
        var rpc = new SetParameterValues(
            [new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "-5", "xsd:unsignedInt")], "spv-key-2");
        var run = await RunAsync("RPC0003", Cwmp10, rpc, _ =>
            "<SOAP-ENV:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail>"
            + "<cwmp:Fault><FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>"
            + "<SetParameterValuesFault><ParameterName>Device.ManagementServer.PeriodicInformInterval</ParameterName>"
            + "<FaultCode>9007</FaultCode><FaultString>Invalid parameter value</FaultString></SetParameterValuesFault>"
            + "</cwmp:Fault></detail></SOAP-ENV:Fault>");

        Assert.Equal(DeviceTaskState.Faulted, run.Task.State);
        Assert.Null(run.Task.Response);
        var fault = run.Task.Fault!;
        Assert.Equal(9003, fault.FaultCode);
        Assert.Equal("Invalid arguments", fault.FaultString);
        Assert.Equal(
            [new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", 9007, "Invalid parameter value")],
            fault.SetParameterValuesFaults);
    }

    [Fact]
    public async Task GetParameterValues_returns_the_values()
    {
        var run = await RunAsync("RPC0004", Cwmp10, new GetParameterValues(["Device.DeviceInfo.UpTime"]), _ =>
            "<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[1]\">"
            + "<ParameterValueStruct><Name>Device.DeviceInfo.UpTime</Name><Value xsi:type=\"xsd:unsignedInt\">4711</Value></ParameterValueStruct>"
            + "</ParameterList></cwmp:GetParameterValuesResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new GetParameterValuesResponse([new ParameterValueStruct("Device.DeviceInfo.UpTime", "4711", "xsd:unsignedInt")]), run.Task.Response);
    }

    [Fact]
    public async Task GetParameterNames_returns_the_names()
    {
        var run = await RunAsync("RPC0005", Cwmp10, new GetParameterNames("Device.DeviceInfo.", true), _ =>
            "<cwmp:GetParameterNamesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterInfoStruct[2]\">"
            + "<ParameterInfoStruct><Name>Device.DeviceInfo.UpTime</Name><Writable>0</Writable></ParameterInfoStruct>"
            + "<ParameterInfoStruct><Name>Device.DeviceInfo.ProvisioningCode</Name><Writable>1</Writable></ParameterInfoStruct>"
            + "</ParameterList></cwmp:GetParameterNamesResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(
            new GetParameterNamesResponse([
                new ParameterInfoStruct("Device.DeviceInfo.UpTime", false),
                new ParameterInfoStruct("Device.DeviceInfo.ProvisioningCode", true)]),
            run.Task.Response);
    }

    [Fact]
    public async Task SetParameterAttributes_is_done()
    {
        var rpc = new SetParameterAttributes([
            new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 2, false, [])]);
        var run = await RunAsync("RPC0006", Cwmp10, rpc, _ => "<cwmp:SetParameterAttributesResponse></cwmp:SetParameterAttributesResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new SetParameterAttributesResponse(), run.Task.Response);
    }

    [Fact]
    public async Task GetParameterAttributes_returns_the_attributes()
    {
        var run = await RunAsync("RPC0007", Cwmp10, new GetParameterAttributes(["Device.DeviceInfo.SoftwareVersion"]), _ =>
            "<cwmp:GetParameterAttributesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterAttributeStruct[1]\">"
            + "<ParameterAttributeStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><Notification>2</Notification>"
            + "<AccessList SOAP-ENC:arrayType=\"xsd:string[1]\"><string>Subscriber</string></AccessList></ParameterAttributeStruct>"
            + "</ParameterList></cwmp:GetParameterAttributesResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(
            new GetParameterAttributesResponse([new ParameterAttributeStruct("Device.DeviceInfo.SoftwareVersion", 2, ["Subscriber"])]),
            run.Task.Response);
    }

    [Fact]
    public async Task AddObject_returns_the_instance_number()
    {
        var run = await RunAsync("RPC0008", Cwmp10, new AddObject("Device.NAT.PortMapping.", "add-key"), _ =>
            "<cwmp:AddObjectResponse><InstanceNumber>7</InstanceNumber><Status>0</Status></cwmp:AddObjectResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new AddObjectResponse(7, 0), run.Task.Response);
    }

    [Fact]
    public async Task DeleteObject_is_done_with_status_0()
    {
        var run = await RunAsync("RPC0009", Cwmp10, new DeleteObject("Device.NAT.PortMapping.7.", "del-key"), _ =>
            "<cwmp:DeleteObjectResponse><Status>0</Status></cwmp:DeleteObjectResponse>");

        Assert.Equal(DeviceTaskState.Done, run.Task.State);
        Assert.Equal(new DeleteObjectResponse(0), run.Task.Response);
    }

    /// <summary>Queues <paramref name="rpc"/>, opens a session, checks what the CPE receives and answers it.</summary>
    private async Task<RpcRun> RunAsync(string serial, string ns, CwmpRequest rpc, Func<string, string> answerBody)
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
        return new RpcRun(task);
    }

    private IDeviceGrain Device(string serial) => Server.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf(serial));

    private sealed record RpcRun(DeviceTaskView Task);
}
