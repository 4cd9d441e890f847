using System.Net;
using Cwmp.Grains;
using Cwmp.Protocol;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>The real host (embedded Garnet, silo, gateway) and a scripted CPE talking CWMP to it over HTTP.</summary>
public sealed class CwmpEndToEndTests : IDisposable
{
    // DeviceGrain's "{Count} task(s) queued" log line: the moment a queued task can go out in an open session.
    private const int TasksQueuedEventId = 1020;
    private const string DeviceGrainDebug = "--Logging:LogLevel:Cwmp.Grains.Devices.DeviceGrain=Debug";

    private readonly TempDirectory _data = new("e2e");

    // Lab mode: the scripted CPE does not authenticate (the host's default environment is Production, which requires it).
    private string[] DataArgument => ["--Cwmp:Storage:DataDirectory=" + _data.Path, "--Cwmp:Auth:Required=false"];

    [Fact]
    public async Task A_device_2_inform_in_cwmp_1_0_gets_an_inform_response_and_the_empty_post_ends_the_session()
    {
        await using var server = await InProcessServer.StartAsync(ServerPorts.Allocate(), DataArgument);
        using var cpe = new ScriptedCpe(server.Ports.Cwmp);

        var informed = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0001", "inform-17", "1 BOOT"));

        Assert.Equal(HttpStatusCode.OK, informed.Status);
        Assert.StartsWith("cwmp-session=", informed.SessionCookie, StringComparison.Ordinal);
        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version10, "inform-17", new InformResponse(1)), informed.Envelope);
        Assert.Equal(CpeMessages.Cwmp10, informed.Envelope!.CwmpNamespace);

        var ended = await cpe.PostAsync(null);
        Assert.Equal(HttpStatusCode.NoContent, ended.Status);
        Assert.Null(ended.Envelope);

        var summary = await server.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf("E2E0001")).GetSummaryAsync();
        Assert.NotNull(summary);
    }

    [Fact]
    public async Task A_task_queued_during_a_session_goes_out_after_the_empty_post_and_its_values_are_cached()
    {
        await using var server = await InProcessServer.StartAsync(ServerPorts.Allocate(), [.. DataArgument, DeviceGrainDebug]);
        var signal = AddLogSignal(server);
        using var cpe = new ScriptedCpe(server.Ports.Cwmp);
        var device = server.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf("E2E0002"));

        var informed = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0002", "1", "2 PERIODIC"));
        Assert.Equal(HttpStatusCode.OK, informed.Status);

        var queued = signal.WhenLogged(TasksQueuedEventId, CpeMessages.DeviceKeyOf("E2E0002"));
        var enqueue = device.EnqueueAsync(new EnqueueRequest(
            [new GetParameterValues(["Device.DeviceInfo.UpTime", "Device.DeviceInfo.SoftwareVersion"])],
            Wait: TimeSpan.FromSeconds(60),
            Requester: "e2e"));
        await Within.Await(queued, Within.Call, "the device grain to log that the GetParameterValues task is queued");

        var request = await cpe.PostAsync(null);
        Assert.Equal(HttpStatusCode.OK, request.Status);
        var gpv = Assert.IsType<GetParameterValues>(request.Envelope!.Body);
        Assert.Equal(new GetParameterValues(["Device.DeviceInfo.UpTime", "Device.DeviceInfo.SoftwareVersion"]), gpv);
        Assert.Equal(CpeMessages.Cwmp10, request.Envelope.CwmpNamespace);
        var id = request.Envelope.Header.Id!;

        var answered = await cpe.PostAsync(
            CpeMessages.GetParameterValuesResponse(CpeMessages.Cwmp10, id,
                ("Device.DeviceInfo.UpTime", "xsd:unsignedInt", "3600"),
                ("Device.DeviceInfo.SoftwareVersion", "xsd:string", "V5R019C10S120")));
        Assert.Equal(HttpStatusCode.NoContent, answered.Status);

        var result = await Within.Await(enqueue, Within.Call, "EnqueueAsync to return once the task is done");
        var task = Assert.Single(result.Tasks);
        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal("GetParameterValues", task.Method);
        Assert.Equal(1, task.Attempts);
        Assert.Equal("e2e", task.Requester);
        Assert.Equal(
            new GetParameterValuesResponse([
                new ParameterValueStruct("Device.DeviceInfo.UpTime", "3600", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "V5R019C10S120", "xsd:string")]),
            task.Response);
        Assert.Null(result.ConnectionRequest);

        var cached = await device.GetParametersAsync("Device.DeviceInfo.");
        Assert.Equal("3600", Assert.Single(cached, p => p.Name == "Device.DeviceInfo.UpTime").Value);
        Assert.Equal("xsd:unsignedInt", Assert.Single(cached, p => p.Name == "Device.DeviceInfo.UpTime").Type);
        Assert.Equal("V5R019C10S120", Assert.Single(cached, p => p.Name == "Device.DeviceInfo.SoftwareVersion").Value);
    }

    [Fact]
    public async Task An_igd_inform_in_cwmp_1_2_is_answered_in_1_2_and_a_1_4_cpe_is_told_to_use_1_4()
    {
        await using var server = await InProcessServer.StartAsync(ServerPorts.Allocate(), DataArgument);

        using (var igd = new ScriptedCpe(server.Ports.Cwmp))
        {
            var informed = await igd.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp12, "InternetGatewayDevice.", "E2E0003", "igd-1", "0 BOOTSTRAP"));
            Assert.Equal(HttpStatusCode.OK, informed.Status);
            Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version12, "igd-1", new InformResponse(1)), informed.Envelope);

            // First contact (docs/provisioning.md): discovery starts with GetRPCMethods, in the version negotiated.
            var discovery = await igd.PostAsync(null);
            Assert.Equal(HttpStatusCode.OK, discovery.Status);
            Assert.IsType<GetRPCMethods>(discovery.Envelope!.Body);
            Assert.Equal(CpeMessages.Cwmp12, discovery.Envelope.CwmpNamespace);
        }

        using var modern = new ScriptedCpe(server.Ports.Cwmp);
        var reply = await modern.PostAsync(CpeMessages.Inform(
            CpeMessages.Cwmp14, "Device.", "E2E0004", "modern-1", "1 BOOT", supportedVersions: "1.0,1.1,1.2,1.3,1.4"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("modern-1", reply.Envelope!.Header.Id);
        Assert.Equal("1.4", reply.Envelope.Header.UseCwmpVersion);
        Assert.Equal(new InformResponse(1), reply.Envelope.Body);
        Assert.Equal(CpeMessages.Cwmp14, reply.Envelope.CwmpNamespace);
        Assert.Equal(HttpStatusCode.NoContent, (await modern.PostAsync(null)).Status);
    }

    [Fact]
    public async Task A_connection_request_wakes_the_cpe_which_opens_a_connection_request_session_and_gets_the_task()
    {
        await using var server = await InProcessServer.StartAsync(
            ServerPorts.Allocate(), [.. DataArgument, "--Cwmp:ConnectionRequests:AllowLoopback=true"]);
        using var listener = new ConnectionRequestListener();
        using var cpe = new ScriptedCpe(server.Ports.Cwmp);
        var device = server.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf("E2E0005"));

        // A periodic session tells the ACS where the CPE listens for connection requests.
        var boot = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0005", "1", "2 PERIODIC", listener.Url));
        Assert.Equal(HttpStatusCode.OK, boot.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);
        cpe.EndSession();

        var enqueue = device.EnqueueAsync(new EnqueueRequest(
            [new GetParameterValues(["Device.ManagementServer.PeriodicInformInterval"])],
            ConnectionRequest: true,
            Wait: TimeSpan.FromSeconds(60)));
        var requestLine = await Within.Await(listener.Received, Within.Call, "the ACS's connection request to reach the CPE's listener");
        Assert.Equal("GET /cr HTTP/1.1", requestLine);

        var informed = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0005", "2", "6 CONNECTION REQUEST", listener.Url));
        Assert.Equal(HttpStatusCode.OK, informed.Status);
        Assert.IsType<InformResponse>(informed.Envelope!.Body);

        var request = await cpe.PostAsync(null);
        Assert.Equal(new GetParameterValues(["Device.ManagementServer.PeriodicInformInterval"]), request.Envelope!.Body);
        var answered = await cpe.PostAsync(CpeMessages.GetParameterValuesResponse(
            CpeMessages.Cwmp10, request.Envelope.Header.Id!, ("Device.ManagementServer.PeriodicInformInterval", "xsd:unsignedInt", "86400")));
        Assert.Equal(HttpStatusCode.NoContent, answered.Status);

        var result = await Within.Await(enqueue, Within.Call, "EnqueueAsync to return once the woken CPE has answered");
        Assert.Equal(ConnectionRequestOutcome.Accepted, result.ConnectionRequest);
        Assert.Equal(DeviceTaskState.Done, Assert.Single(result.Tasks).State);
    }

    [Fact]
    public async Task A_task_queued_before_a_graceful_restart_goes_out_in_the_next_session()
    {
        var ports = ServerPorts.Allocate();
        string taskId;
        await using (var first = await InProcessServer.StartAsync(ports, DataArgument))
        {
            using var cpe = new ScriptedCpe(ports.Cwmp);
            Assert.Equal(HttpStatusCode.OK, (await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0006", "1", "1 BOOT"))).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);

            var queued = await first.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf("E2E0006"))
                .EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.DeviceInfo.UpTime"])]));
            var pending = Assert.Single(queued.Tasks);
            Assert.Equal(DeviceTaskState.Pending, pending.State);
            taskId = pending.Id;
            await first.StopAsync();
        }

        await using var second = await InProcessServer.StartAsync(ports, DataArgument);
        using var restarted = new ScriptedCpe(ports.Cwmp);
        Assert.Equal(HttpStatusCode.OK, (await restarted.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "E2E0006", "2", "2 PERIODIC"))).Status);

        var request = await restarted.PostAsync(null);
        Assert.Equal(HttpStatusCode.OK, request.Status);
        Assert.Equal(new GetParameterValues(["Device.DeviceInfo.UpTime"]), request.Envelope!.Body);
        var answered = await restarted.PostAsync(CpeMessages.GetParameterValuesResponse(
            CpeMessages.Cwmp10, request.Envelope.Header.Id!, ("Device.DeviceInfo.UpTime", "xsd:unsignedInt", "12")));
        Assert.Equal(HttpStatusCode.NoContent, answered.Status);

        var task = await second.Grains.GetGrain<IDeviceGrain>(CpeMessages.DeviceKeyOf("E2E0006")).GetTaskAsync(taskId);
        Assert.Equal(DeviceTaskState.Done, task!.State);
        Assert.Equal(1, task.Attempts);
    }

    public void Dispose() => _data.Dispose();

    private static LogSignal AddLogSignal(InProcessServer server)
    {
        var signal = new LogSignal();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(signal);
        return signal;
    }
}
