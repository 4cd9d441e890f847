using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Diagnostics;

/// <summary>
/// Diagnostics through the grain on both roots: request → the exact SetParameterValues → 8 DIAGNOSTICS COMPLETE → the
/// GetParameterValues of the object → the record's results and summary; Canceled and Error states.
/// </summary>
[Collection(ClusterTests.Name)]
public sealed class DiagnosticsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_ip_ping_on_device2_runs_from_request_to_typed_results()
    {
        var cpe = new Cpe(fixture, "DG-PING");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DateTimeOffset requestedAt = fixture.Time.GetUtcNow();

        DiagnosticStarted started = await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(
            new IPPingArguments("192.0.2.1") { NumberOfRepetitions = 4, TimeoutMilliseconds = 1000, Dscp = 0, ProtocolVersion = "IPv4" },
            Requester: "noc"));

        DiagnosticRecord record = started.Diagnostic;
        Assert.Null(started.ConnectionRequest);
        Assert.Equal(DiagnosticKind.IPPing, record.Kind);
        Assert.Equal("Device.IP.Diagnostics.IPPing.", record.ObjectPath);
        Assert.Equal(DiagnosticStatus.Requested, record.Status);
        Assert.Equal(requestedAt, record.RequestedAt);
        Assert.Equal("noc", record.Requester);

        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        Assert.Equal(record.RequestTaskId, sent.Envelope!.Header.Id);
        Assert.Equal(
            new SetParameterValues(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.ProtocolVersion", "IPv4"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.Host", "192.0.2.1"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.NumberOfRepetitions", "4", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.Timeout", "1000", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DSCP", "0", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested"),
            ], ""),
            sent.Envelope.Body);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(sent, "setparametervaluesresponse.xml")).Kind);
        Assert.Equal(DiagnosticStatus.Requested, (await diagnostics.GetDiagnosticAsync(record.Id))!.Status);

        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await cpe.InformAsync("inform-diagnostics-complete.xml");
        SessionReply read = await cpe.EmptyAsync();
        Assert.Equal(new GetParameterValues(["Device.IP.Diagnostics.IPPing."]), read.Envelope!.Body);
        SessionReply end = await cpe.PostAsync(Answer(read, new GetParameterValuesResponse(
        [
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Complete"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.Host", "192.0.2.1"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.SuccessCount", "3", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.FailureCount", "1", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.AverageResponseTime", "12", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.MinimumResponseTime", "9", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.MaximumResponseTime", "17", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.IP.Diagnostics.IPPing.AverageResponseTimeDetailed", "12345", "xsd:unsignedInt"),
        ])));
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);

        DiagnosticRecord done = (await diagnostics.GetDiagnosticAsync(record.Id))!;
        Assert.Equal(DiagnosticStatus.Complete, done.Status);
        Assert.Equal("Complete", done.DiagnosticsState);
        Assert.Equal(fixture.Time.GetUtcNow(), done.FinishedAt);
        Assert.Equal("3", done.Results["Device.IP.Diagnostics.IPPing.SuccessCount"]);
        Assert.Equal(8, done.Results.Count);
        Assert.Equal(new PingSummary(3, 1, TimeSpan.FromMicroseconds(12345), TimeSpan.FromMilliseconds(9), TimeSpan.FromMilliseconds(17)), done.Summary);
        Assert.Equal(6, done.Arguments.Count);
        Assert.Equal([record.Id], (await diagnostics.GetDiagnosticsAsync()).Select(d => d.Id));
    }

    [Fact]
    public async Task An_igd_device_gets_the_tr098_objects_and_trace_route_hops()
    {
        var cpe = new Cpe(fixture, "DG-IGD");
        await IgdSessionAsync(cpe);
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);

        DiagnosticRecord record = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(
            new TraceRouteArguments("example.net") { MaxHopCount = 16, NumberOfTries = 3 }))).Diagnostic;

        Assert.Equal("InternetGatewayDevice.TraceRouteDiagnostics.", record.ObjectPath);
        await cpe.PostAsync(IgdInform(cpe.Serial, "6 CONNECTION REQUEST"), newSession: true);
        SessionReply sent = await cpe.EmptyAsync();
        Assert.Equal(
            new SetParameterValues(
            [
                new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.Host", "example.net"),
                new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.NumberOfTries", "3", "xsd:unsignedInt"),
                new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.MaxHopCount", "16", "xsd:unsignedInt"),
                new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.DiagnosticsState", "Requested"),
            ], "pk-7"),
            sent.Envelope!.Body);
        await cpe.PostAsync(Answer(sent, new SetParameterValuesResponse(0)));

        await cpe.PostAsync(IgdInform(cpe.Serial, "8 DIAGNOSTICS COMPLETE"), newSession: true);
        SessionReply read = await cpe.EmptyAsync();
        Assert.Equal(new GetParameterValues(["InternetGatewayDevice.TraceRouteDiagnostics."]), read.Envelope!.Body);
        await cpe.PostAsync(Answer(read, new GetParameterValuesResponse(
        [
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.DiagnosticsState", "Complete"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.ResponseTime", "31", "xsd:unsignedInt"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHopsNumberOfEntries", "2", "xsd:unsignedInt"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.2.HopHost", "example.net"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.2.HopHostAddress", "198.51.100.7"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.2.HopErrorCode", "0", "xsd:unsignedInt"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.2.HopRTTimes", "20,22,31"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.1.HopHost", "gw.isp.example"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.1.HopHostAddress", "192.0.2.254"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.1.HopErrorCode", "0", "xsd:unsignedInt"),
            new ParameterValueStruct("InternetGatewayDevice.TraceRouteDiagnostics.RouteHops.1.HopRTTimes", "1,2,1"),
        ])));

        DiagnosticRecord done = (await diagnostics.GetDiagnosticAsync(record.Id))!;
        Assert.Equal(DiagnosticStatus.Complete, done.Status);
        var summary = Assert.IsType<TraceRouteSummary>(done.Summary);
        Assert.Equal(TimeSpan.FromMilliseconds(31), summary.ResponseTime);
        Assert.Equal(2, summary.Hops.Count);
        Assert.Equal(("gw.isp.example", "192.0.2.254", (uint?)0), (summary.Hops[0].Host, summary.Hops[0].HostAddress, summary.Hops[0].ErrorCode));
        Assert.Equal([1u, 2u, 1u], summary.Hops[0].RoundTripTimesMilliseconds);
        Assert.Equal(("example.net", "198.51.100.7"), (summary.Hops[1].Host, summary.Hops[1].HostAddress));
        Assert.Equal([20u, 22u, 31u], summary.Hops[1].RoundTripTimesMilliseconds);
    }

    [Theory]
    [InlineData(DiagnosticKind.IPPing, false, "Device.IP.Diagnostics.IPPing.")]
    [InlineData(DiagnosticKind.TraceRoute, false, "Device.IP.Diagnostics.TraceRoute.")]
    [InlineData(DiagnosticKind.DownloadDiagnostics, false, "Device.IP.Diagnostics.DownloadDiagnostics.")]
    [InlineData(DiagnosticKind.UploadDiagnostics, false, "Device.IP.Diagnostics.UploadDiagnostics.")]
    [InlineData(DiagnosticKind.UDPEcho, false, "Device.IP.Diagnostics.UDPEchoDiagnostics.")]
    [InlineData(DiagnosticKind.ServerSelection, false, "Device.IP.Diagnostics.ServerSelectionDiagnostics.")]
    [InlineData(DiagnosticKind.IPPing, true, "InternetGatewayDevice.IPPingDiagnostics.")]
    [InlineData(DiagnosticKind.TraceRoute, true, "InternetGatewayDevice.TraceRouteDiagnostics.")]
    [InlineData(DiagnosticKind.DownloadDiagnostics, true, "InternetGatewayDevice.DownloadDiagnostics.")]
    [InlineData(DiagnosticKind.UploadDiagnostics, true, "InternetGatewayDevice.UploadDiagnostics.")]
    [InlineData(DiagnosticKind.UDPEcho, true, "InternetGatewayDevice.UDPEchoDiagnostics.")]
    [InlineData(DiagnosticKind.ServerSelection, true, "InternetGatewayDevice.ServerSelectionDiagnostics.")]
    public void Every_kind_has_its_object_on_both_roots(DiagnosticKind kind, bool igd, string objectPath) =>
        Assert.Equal(objectPath, Cwmp.Grains.Devices.DiagnosticsRequestBuilder.ObjectPath(kind, igd));

    [Fact]
    public void Tr143_tests_set_their_inputs_with_the_data_model_names()
    {
        (string download, List<ParameterValueStruct> downloadValues) = Cwmp.Grains.Devices.DiagnosticsRequestBuilder.Build(
            new DownloadDiagnosticArguments("http://192.0.2.5:7567/files/speed.bin") { NumberOfConnections = 4, TimeBasedTestDuration = 10, EthernetPriority = 5 }, "Device.");
        (_, List<ParameterValueStruct> uploadValues) = Cwmp.Grains.Devices.DiagnosticsRequestBuilder.Build(
            new UploadDiagnosticArguments("http://192.0.2.5/up", 1_000_000), "InternetGatewayDevice.");
        (_, List<ParameterValueStruct> echoValues) = Cwmp.Grains.Devices.DiagnosticsRequestBuilder.Build(
            new UdpEchoArguments("192.0.2.9", 7) { NumberOfRepetitions = 10, InterTransmissionTimeMilliseconds = 100 }, "Device.");
        (_, List<ParameterValueStruct> selectionValues) = Cwmp.Grains.Devices.DiagnosticsRequestBuilder.Build(
            new ServerSelectionArguments(["a.example", "b.example"]) { Protocol = "UDP Echo" }, "Device.");

        Assert.Equal("Device.IP.Diagnostics.DownloadDiagnostics.", download);
        Assert.Equal(
            ["DownloadURL=http://192.0.2.5:7567/files/speed.bin", "EthernetPriority=5", "NumberOfConnections=4", "TimeBasedTestDuration=10", "DiagnosticsState=Requested"],
            downloadValues.Select(v => v.Name["Device.IP.Diagnostics.DownloadDiagnostics.".Length..] + "=" + v.Value));
        Assert.Equal(
            ["InternetGatewayDevice.UploadDiagnostics.UploadURL=http://192.0.2.5/up", "InternetGatewayDevice.UploadDiagnostics.TestFileLength=1000000", "InternetGatewayDevice.UploadDiagnostics.DiagnosticsState=Requested"],
            uploadValues.Select(v => v.Name + "=" + v.Value));
        Assert.Equal(
            ["Host=192.0.2.9", "Port=7", "NumberOfRepetitions=10", "InterTransmissionTime=100", "DiagnosticsState=Requested"],
            echoValues.Select(v => v.Name["Device.IP.Diagnostics.UDPEchoDiagnostics.".Length..] + "=" + v.Value));
        Assert.Equal(
            ["HostList=a.example,b.example", "Protocol=UDP Echo", "DiagnosticsState=Requested"],
            selectionValues.Select(v => v.Name["Device.IP.Diagnostics.ServerSelectionDiagnostics.".Length..] + "=" + v.Value));
    }

    [Fact]
    public async Task A_device2_only_input_on_an_igd_device_and_bad_inputs_are_refused()
    {
        var cpe = new Cpe(fixture, "DG-IGD-BAD");
        await IgdSessionAsync(cpe);
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);

        ArgumentException protocol = await Assert.ThrowsAsync<ArgumentException>(() => diagnostics.RequestDiagnosticAsync(
            new DiagnosticRequest(new IPPingArguments("192.0.2.1") { ProtocolVersion = "IPv6" })));
        ArgumentException empty = await Assert.ThrowsAsync<ArgumentException>(() => diagnostics.RequestDiagnosticAsync(
            new DiagnosticRequest(new IPPingArguments(""))));
        ArgumentException dscp = await Assert.ThrowsAsync<ArgumentException>(() => diagnostics.RequestDiagnosticAsync(
            new DiagnosticRequest(new IPPingArguments("192.0.2.1") { Dscp = 64 })));
        ArgumentException url = await Assert.ThrowsAsync<ArgumentException>(() => diagnostics.RequestDiagnosticAsync(
            new DiagnosticRequest(new DownloadDiagnosticArguments("file:///etc/passwd"))));

        Assert.StartsWith("ProtocolVersion is a Device:2 parameter; an InternetGatewayDevice has no InternetGatewayDevice.IPPingDiagnostics.ProtocolVersion.", protocol.Message, StringComparison.Ordinal);
        Assert.StartsWith("Host must be 1–256 characters", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("DSCP must be between 0 and 63; it is 64.", dscp.Message, StringComparison.Ordinal);
        Assert.StartsWith("DownloadURL must be an absolute http, https or ftp URL", url.Message, StringComparison.Ordinal);
        Assert.Empty(await diagnostics.GetDiagnosticsAsync());
        Assert.Empty(await cpe.Grain.GetTasksAsync());
    }

    [Fact]
    public async Task A_device_that_never_informed_cannot_run_diagnostics()
    {
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>("A1B2C3-HomeGateway-DG%2DNEVER");

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1"))));

        Assert.Equal("Device A1B2C3-HomeGateway-DG%2DNEVER has never informed; its data model, and so its diagnostics objects, are unknown.", refused.Message);
    }

    [Fact]
    public async Task A_cpe_that_reports_canceled_or_an_error_state_is_recorded_so()
    {
        var cpe = new Cpe(fixture, "DG-CANCELED");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DiagnosticRecord ping = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic;
        DiagnosticRecord echo = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new UdpEchoArguments("nowhere.invalid", 7)))).Diagnostic;
        await cpe.InformAsync();
        SessionReply secondSet = await cpe.AnswerAsync(await cpe.EmptyAsync(), "setparametervaluesresponse.xml");
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(secondSet, "setparametervaluesresponse.xml")).Kind);

        await cpe.InformAsync("inform-diagnostics-complete.xml");
        SessionReply first = await cpe.EmptyAsync();
        Assert.Equal(new GetParameterValues(["Device.IP.Diagnostics.IPPing."]), first.Envelope!.Body);
        SessionReply second = await cpe.PostAsync(Answer(first, new GetParameterValuesResponse(
            [new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Canceled")])));
        Assert.Equal(new GetParameterValues(["Device.IP.Diagnostics.UDPEchoDiagnostics."]), second.Envelope!.Body);
        await cpe.PostAsync(Answer(second, new GetParameterValuesResponse(
            [new ParameterValueStruct("Device.IP.Diagnostics.UDPEchoDiagnostics.DiagnosticsState", "Error_CannotResolveHostName")])));

        DiagnosticRecord canceled = (await diagnostics.GetDiagnosticAsync(ping.Id))!;
        DiagnosticRecord error = (await diagnostics.GetDiagnosticAsync(echo.Id))!;
        Assert.Equal((DiagnosticStatus.Canceled, "Canceled", null), (canceled.Status, canceled.DiagnosticsState, canceled.Summary));
        Assert.Equal((DiagnosticStatus.Error, "Error_CannotResolveHostName", null, null), (error.Status, error.DiagnosticsState, error.Summary, error.Reason));
        Assert.Equal([echo.Id, ping.Id], (await diagnostics.GetDiagnosticsAsync()).Select(d => d.Id));
    }

    [Fact]
    public async Task A_later_request_on_the_same_object_cancels_the_earlier_one()
    {
        var cpe = new Cpe(fixture, "DG-REPLACED");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DiagnosticRecord first = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic;
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "setparametervaluesresponse.xml");

        DiagnosticRecord second = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.2")))).Diagnostic;
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "setparametervaluesresponse.xml");

        DiagnosticRecord replaced = (await diagnostics.GetDiagnosticAsync(first.Id))!;
        Assert.Equal(DiagnosticStatus.Canceled, replaced.Status);
        Assert.Equal($"Replaced by a later request on Device.IP.Diagnostics.IPPing. (task {second.RequestTaskId}).", replaced.Reason);
        Assert.Equal(DiagnosticStatus.Requested, (await diagnostics.GetDiagnosticAsync(second.Id))!.Status);
    }

    [Fact]
    public async Task A_set_parameter_values_fault_ends_the_diagnostic_in_error()
    {
        var cpe = new Cpe(fixture, "DG-FAULT");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DiagnosticRecord record = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic;
        await cpe.InformAsync();

        await cpe.AnswerAsync(await cpe.EmptyAsync(), "fault-cpe-9003-spv.xml");

        DiagnosticRecord failed = (await diagnostics.GetDiagnosticAsync(record.Id))!;
        Assert.Equal(DiagnosticStatus.Error, failed.Status);
        Assert.Equal(FaultCodes.CpeInvalidArguments, failed.Fault!.FaultCode);
        Assert.Equal("SetParameterValues faulted with 9003.", failed.Reason);
    }

    [Fact]
    public async Task A_cancelled_request_task_cancels_the_diagnostic()
    {
        var cpe = new Cpe(fixture, "DG-TASK-CANCEL");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DiagnosticRecord record = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic;

        Assert.True(await cpe.Grain.CancelTaskAsync(record.RequestTaskId));

        DiagnosticRecord canceled = (await diagnostics.GetDiagnosticAsync(record.Id))!;
        Assert.Equal(DiagnosticStatus.Canceled, canceled.Status);
        Assert.Equal($"Task {record.RequestTaskId} was cancelled before it was sent.", canceled.Reason);
    }

    [Fact]
    public async Task A_connection_request_wakes_the_device_for_the_diagnostic()
    {
        var cpe = new Cpe(fixture, "DG-WAKE");
        await cpe.PeriodicSessionAsync();
        fixture.ConnectionRequester.Reset();
        Task<ConnectionRequestTarget> woken = fixture.ConnectionRequester.NextRequest;

        DiagnosticStarted started = await fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey).RequestDiagnosticAsync(
            new DiagnosticRequest(new IPPingArguments("192.0.2.1"), ConnectionRequest: true));

        Assert.Equal(ConnectionRequestOutcome.Accepted, started.ConnectionRequest);
        ConnectionRequestTarget target = await woken.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((cpe.DeviceKey, "http://127.0.0.1:7548/cr"), (target.DeviceKey, target.ConnectionRequestUrl));
    }

    [Fact]
    public async Task Only_the_last_twenty_diagnostics_are_kept()
    {
        var cpe = new Cpe(fixture, "DG-BOUNDED");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        List<string> ids = [];
        for (int i = 0; i < 22; i++)
        {
            ids.Add((await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic.Id);
        }

        IReadOnlyList<DiagnosticRecord> kept = await diagnostics.GetDiagnosticsAsync();

        Assert.Equal(20, kept.Count);
        Assert.Equal(Enumerable.Reverse(ids).Take(20), kept.Select(d => d.Id));
    }

    [Fact]
    public async Task Diagnostic_records_survive_a_deactivation()
    {
        var cpe = new Cpe(fixture, "DG-PERSIST");
        await cpe.PeriodicSessionAsync();
        IDeviceDiagnosticsGrain diagnostics = fixture.Grains.GetGrain<IDeviceDiagnosticsGrain>(cpe.DeviceKey);
        DiagnosticRecord record = (await diagnostics.RequestDiagnosticAsync(new DiagnosticRequest(new IPPingArguments("192.0.2.1")))).Diagnostic;

        await cpe.DeactivateAsync();

        DiagnosticRecord? back = await diagnostics.GetDiagnosticAsync(record.Id);
        Assert.Equal(record.Id, back!.Id);
        Assert.Equal(record.Arguments, back.Arguments);
        Assert.Equal(DiagnosticStatus.Requested, back.Status);
    }

    internal static CwmpEnvelope Answer(SessionReply request, CwmpMessage body) =>
        new(CwmpNamespaces.Cwmp10, CwmpHeader.WithId(request.Envelope!.Header.Id!), body);

    internal static CwmpEnvelope IgdInform(string serial, string eventCode) =>
        new(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("1"), new Inform(
            new DeviceIdStruct("Example", "A1B2C3", "HomeGateway", serial),
            [new EventStruct(eventCode)],
            1,
            new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
            0,
            [
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V100R001"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.ParameterKey", "pk-7"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.ConnectionRequestURL", "http://127.0.0.1:7548/igd"),
            ]));

    private static async Task IgdSessionAsync(Cpe cpe)
    {
        await cpe.PostAsync(IgdInform(cpe.Serial, "1 BOOT"), newSession: true);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }
}
