using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>The session state machine, driven POST by POST with the bytes CPEs send.</summary>
[Collection(ClusterTests.Name)]
public sealed class SessionTests(ClusterFixture fixture)
{
    [Fact]
    public void The_silo_clock_is_the_fake_one()
    {
        Assert.IsType<FakeTimeProvider>(fixture.SiloServices.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Device2_boot_inform_is_answered_and_the_empty_post_ends_the_session()
    {
        var cpe = new Cpe(fixture, "S-D2-BOOT");

        SessionReply inform = await cpe.InformAsync("inform-device2-boot.xml");

        Assert.Equal(SessionReplyKind.Envelope, inform.Kind);
        Assert.NotNull(inform.SessionId);
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("1"), new InformResponse(1)), inform.Envelope);
        Assert.True((await cpe.Grain.GetSummaryAsync())!.InSession);

        SessionReply end = await cpe.EmptyAsync();

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(inform.SessionId, end.SessionId);
        Assert.Null(end.Envelope);
        DeviceSummary summary = (await cpe.Grain.GetSummaryAsync())!;
        Assert.Equal(cpe.DeviceKey, summary.DeviceKey);
        Assert.Equal("Example", summary.Manufacturer);
        Assert.Equal("A1B2C3", summary.Oui);
        Assert.Equal("HomeGateway", summary.ProductClass);
        Assert.Equal("S-D2-BOOT", summary.SerialNumber);
        Assert.Equal("Device.", summary.DataModelRoot);
        Assert.Equal("1.0", summary.CwmpVersion);
        Assert.Equal("1.2.3", summary.SoftwareVersion);
        Assert.Equal("HW1.0", summary.HardwareVersion);
        Assert.Equal("", summary.ProvisioningCode);
        Assert.Equal("http://127.0.0.1:7548/cr", summary.ConnectionRequestUrl);
        Assert.Equal(["1 BOOT"], summary.LastEvents);
        Assert.Equal("192.0.2.10", summary.LastRemoteAddress);
        Assert.Equal(fixture.Time.GetUtcNow(), summary.LastInformAt);
        Assert.Equal(summary.LastInformAt, summary.FirstSeenAt);
        Assert.False(summary.InSession);
        Assert.Equal(0, summary.PendingTasks);

        IReadOnlyList<CachedParameter> parameters = await cpe.Grain.GetParametersAsync("");
        Assert.Equal(
            [
                "Device.DeviceInfo.HardwareVersion", "Device.DeviceInfo.ProvisioningCode", "Device.DeviceInfo.SoftwareVersion",
                "Device.ManagementServer.AliasBasedAddressing", "Device.ManagementServer.ConnectionRequestURL",
                "Device.ManagementServer.ParameterKey", "Device.RootDataModelVersion",
            ],
            parameters.Select(p => p.Name));
        CachedParameter alias = parameters.Single(p => p.Name == "Device.ManagementServer.AliasBasedAddressing");
        Assert.Equal("false", alias.Value);
        Assert.Equal("xsd:boolean", alias.Type);
        Assert.Equal(fixture.Time.GetUtcNow(), alias.ValueReadAt);
        Assert.Null(alias.Writable);
    }

    [Fact]
    public async Task Igd_periodic_inform_keeps_its_odd_id_and_the_igd_root()
    {
        CwmpEnvelope inform = CorpusFiles.Envelope("inform-igd-periodic-huawei.xml");
        IDeviceGrain grain = fixture.Grains.GetGrain<IDeviceGrain>("00E0FC-BM632w-48575443A1B2C3D4");

        SessionReply reply = await grain.PostAsync(new SessionPost(null, inform, "198.51.100.7", null, fixture.Time.GetUtcNow()));

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("ID:intrnl.unset.id.Inform1732442400000"), new InformResponse(1)), reply.Envelope);
        DeviceSummary summary = (await grain.GetSummaryAsync())!;
        Assert.Equal("InternetGatewayDevice.", summary.DataModelRoot);
        Assert.Equal("V100R001C00SPC120", summary.SoftwareVersion);
        Assert.Equal("VER.A", summary.HardwareVersion);
        Assert.Equal("TLCO.GRP2", summary.ProvisioningCode);
        Assert.Equal("http://127.0.0.1:30005/", summary.ConnectionRequestUrl);
        Assert.Equal(["2 PERIODIC"], summary.LastEvents);
        Assert.Equal("127.0.0.2", (await grain.GetParametersAsync("InternetGatewayDevice.WANDevice.")).Single().Value);
        Assert.Equal(SessionReplyKind.EndSession, (await grain.PostAsync(new SessionPost(reply.SessionId, null, "198.51.100.7", null, fixture.Time.GetUtcNow()))).Kind);
    }

    [Theory]
    [InlineData("inform-bootstrap-cwmp12.xml", CwmpNamespaces.Cwmp12, "1.2")]
    [InlineData("quirk-namespace-cwmp-1-3.xml", CwmpNamespaces.Cwmp13, "1.3")]
    public async Task The_reply_is_in_the_cpe_namespace_and_the_version_is_the_one_it_implies(string file, string cwmpNamespace, string version)
    {
        var cpe = new Cpe(fixture, "S-NS-" + version);

        SessionReply reply = await cpe.InformAsync(file);

        Assert.Equal(new CwmpEnvelope(cwmpNamespace, CwmpHeader.WithId("1"), new InformResponse(1)), reply.Envelope);
        Assert.Equal(version, (await cpe.Grain.GetSummaryAsync())!.CwmpVersion);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task Cwmp_1_4_negotiation_answers_use_cwmp_version_and_takes_the_cpe_session_timeout()
    {
        var cpe = new Cpe(fixture, "S-NEG-14");

        SessionReply reply = await cpe.InformAsync("quirk-namespace-cwmp-1-4-negotiation.xml");

        Assert.Equal(
            new CwmpEnvelope(CwmpNamespaces.Cwmp14, new CwmpHeader { Id = "1", UseCwmpVersion = "1.4" }, new InformResponse(1)),
            reply.Envelope);
        Assert.Equal("1.4", (await cpe.Grain.GetSummaryAsync())!.CwmpVersion);

        // SessionTimeout 45: still open after 44 s of silence, closed at 45 s.
        fixture.Time.Advance(TimeSpan.FromSeconds(44));
        Assert.True((await cpe.Grain.GetSummaryAsync())!.InSession);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await cpe.Grain.GetSummaryAsync())!.InSession);
    }

    [Fact]
    public async Task A_lowercase_session_timeout_header_is_honoured()
    {
        var cpe = new Cpe(fixture, "S-TIMEOUT-LOWER");

        await cpe.InformAsync("quirk-header-lowercase-and-nomorerequests.xml");
        fixture.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.True((await cpe.Grain.GetSummaryAsync())!.InSession);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False((await cpe.Grain.GetSummaryAsync())!.InSession);
    }

    [Fact]
    public async Task No_version_in_common_is_fault_8006_and_no_session()
    {
        var cpe = new Cpe(fixture, "S-NEG-8006");
        CwmpEnvelope inform = CorpusFiles.FromDevice("quirk-namespace-cwmp-1-4-negotiation.xml", cpe.Serial, ("1.0,1.1,1.2,1.3,1.4", "2.0,2.1"));

        SessionReply reply = await cpe.PostAsync(inform, newSession: true);

        Assert.Equal(SessionReplyKind.Envelope, reply.Kind);
        Assert.Null(reply.SessionId);
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp14, CwmpHeader.WithId("1"), CwmpFault.Create(FaultCodes.AcsVersionIncompatible)), reply.Envelope);
        Assert.Equal(SessionReplyKind.Rejected, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task A_first_post_that_is_not_an_inform_is_rejected()
    {
        var cpe = new Cpe(fixture, "S-NO-INFORM");

        SessionReply request = await cpe.PostAsync(CorpusFiles.Envelope("getrpcmethods-from-cpe.xml"));
        SessionReply empty = await cpe.EmptyAsync();
        SessionReply answer = await cpe.PostAsync(CorpusFiles.Envelope("getparametervaluesresponse.xml"));

        Assert.Equal(new SessionReply(SessionReplyKind.Rejected, null, null, DeviceQuirks.Default, null, "A GetRPCMethods with no open session: a session starts with an Inform."), request);
        Assert.Equal(SessionReplyKind.Rejected, empty.Kind);
        Assert.Equal("An empty POST with no open session: a session starts with an Inform.", empty.Reason);
        Assert.Equal(SessionReplyKind.Rejected, answer.Kind);
        Assert.Null(await cpe.Grain.GetSummaryAsync());
    }

    [Fact]
    public async Task A_post_naming_another_session_is_rejected_and_the_session_goes_on()
    {
        var cpe = new Cpe(fixture, "S-WRONG-SESSION");
        SessionReply inform = await cpe.InformAsync();

        SessionReply wrong = await cpe.Grain.PostAsync(new SessionPost("not-the-session", null, cpe.RemoteAddress, null, fixture.Time.GetUtcNow()));
        SessionReply right = await cpe.EmptyAsync();

        Assert.Equal(SessionReplyKind.Rejected, wrong.Kind);
        Assert.Equal(inform.SessionId, wrong.SessionId);
        Assert.Equal($"The POST belongs to session not-the-session; the open session is {inform.SessionId}.", wrong.Reason);
        Assert.Equal(SessionReplyKind.EndSession, right.Kind);
    }

    [Fact]
    public async Task A_post_without_session_id_belongs_to_the_open_session()
    {
        var cpe = new Cpe(fixture, "S-NO-COOKIE");
        await cpe.InformAsync();

        SessionReply reply = await cpe.Grain.PostAsync(new SessionPost(null, null, cpe.RemoteAddress, null, fixture.Time.GetUtcNow()));

        Assert.Equal(SessionReplyKind.EndSession, reply.Kind);
    }

    [Fact]
    public async Task An_inform_of_another_device_is_forbidden()
    {
        IDeviceGrain grain = fixture.Grains.GetGrain<IDeviceGrain>("A1B2C3-HomeGateway-S%2DOTHER");

        SessionReply reply = await grain.PostAsync(new SessionPost(null, CorpusFiles.FromDevice("inform-device2-boot.xml", "S-ME"), "192.0.2.1", null, fixture.Time.GetUtcNow()));

        Assert.Equal(SessionReplyKind.Forbidden, reply.Kind);
        Assert.Equal("The Inform's DeviceId is A1B2C3-HomeGateway-S%2DME, not A1B2C3-HomeGateway-S%2DOTHER.", reply.Reason);
        Assert.Null(await grain.GetSummaryAsync());
    }

    [Theory]
    [InlineData("getrpcmethods-from-cpe.xml")]
    [InlineData("requestdownload.xml")]
    [InlineData("autonomoustransfercomplete.xml")]
    [InlineData("dustatechangecomplete.xml")]
    [InlineData("autonomousdustatechangecomplete.xml")]
    [InlineData("kicked.xml")]
    [InlineData("transfercomplete-success.xml")]
    [InlineData("unknown-vendor-method.xml")]
    public async Task Every_cpe_request_gets_its_answer_with_the_request_id_and_namespace(string file)
    {
        var cpe = new Cpe(fixture, "S-CPE-REQ-" + file.Split('.')[0]);
        await cpe.InformAsync();
        CwmpEnvelope request = CorpusFiles.Envelope(file);

        SessionReply reply = await cpe.PostAsync(request);

        CwmpMessage expected = request.Body switch
        {
            GetRPCMethods => new GetRPCMethodsResponse(
                ["Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete", "RequestDownload", "DUStateChangeComplete", "AutonomousDUStateChangeComplete", "Kicked"]),
            RequestDownload => new RequestDownloadResponse(),
            AutonomousTransferComplete => new AutonomousTransferCompleteResponse(),
            DUStateChangeComplete => new DUStateChangeCompleteResponse(),
            AutonomousDUStateChangeComplete => new AutonomousDUStateChangeCompleteResponse(),
            Kicked => new KickedResponse("http://127.0.0.1/done"),
            TransferComplete => new TransferCompleteResponse(),
            _ => CwmpFault.Create(FaultCodes.MethodNotSupported),
        };
        Assert.Equal(SessionReplyKind.Envelope, reply.Kind);
        Assert.Equal(new CwmpEnvelope(request.CwmpNamespace, CwmpHeader.WithId(request.Header.Id!), expected), reply.Envelope);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task A_silent_session_is_closed_by_the_timer_after_30_seconds()
    {
        var cpe = new Cpe(fixture, "S-TIMEOUT");
        await cpe.InformAsync();

        fixture.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.True((await cpe.Grain.GetSummaryAsync())!.InSession);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False((await cpe.Grain.GetSummaryAsync())!.InSession);
        SessionReply late = await cpe.EmptyAsync();
        Assert.Equal(SessionReplyKind.Rejected, late.Kind);
    }

    [Fact]
    public async Task Each_post_restarts_the_session_timeout()
    {
        var cpe = new Cpe(fixture, "S-TIMEOUT-TOUCH");
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods(), new GetRPCMethods()]));
        await cpe.InformAsync();

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        SessionReply first = await cpe.EmptyAsync();
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        SessionReply second = await cpe.AnswerAsync(first, "getrpcmethodsresponse.xml");
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        SessionReply end = await cpe.AnswerAsync(second, "getrpcmethodsresponse.xml");

        Assert.IsType<GetRPCMethods>(first.Envelope!.Body);
        Assert.IsType<GetRPCMethods>(second.Envelope!.Body);
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
    }

    [Fact]
    public async Task A_timed_out_session_returns_its_in_flight_task_to_the_queue_with_the_attempt_counted()
    {
        var cpe = new Cpe(fixture, "S-TIMEOUT-TASK");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.DeviceInfo.UpTime"])]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        Assert.Equal(queued.Tasks[0].Id, sent.Envelope!.Header.Id);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Pending, task.State);
        Assert.Equal(1, task.Attempts);
    }

    [Fact]
    public async Task A_task_that_never_gets_an_answer_fails_after_the_last_attempt()
    {
        var cpe = new Cpe(fixture, "S-NO-ANSWER");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));

        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await cpe.InformAsync();
            Assert.Equal(queued.Tasks[0].Id, (await cpe.EmptyAsync()).Envelope!.Header.Id);
            fixture.Time.Advance(TimeSpan.FromSeconds(30));
        }

        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Faulted, task.State);
        Assert.Equal(3, task.Attempts);
        Assert.Equal(new CwmpFault(FaultCodes.CpeInternalError, "No answer after 3 attempts."), task.Fault);
    }

    [Fact]
    public async Task A_second_inform_mid_session_ends_the_first_and_requeues_its_task()
    {
        var cpe = new Cpe(fixture, "S-SECOND-INFORM");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.DeviceInfo.UpTime"])]));
        SessionReply first = await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        Assert.Equal(queued.Tasks[0].Id, sent.Envelope!.Header.Id);

        SessionReply second = await cpe.InformAsync("inform-device2-boot.xml");

        Assert.Equal(SessionReplyKind.Envelope, second.Kind);
        Assert.IsType<InformResponse>(second.Envelope!.Body);
        Assert.NotEqual(first.SessionId, second.SessionId);
        DeviceTaskView requeued = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Pending, requeued.State);
        Assert.Equal(1, requeued.Attempts);

        SessionReply old = await cpe.Grain.PostAsync(new SessionPost(first.SessionId, null, cpe.RemoteAddress, null, fixture.Time.GetUtcNow()));
        Assert.Equal(SessionReplyKind.Rejected, old.Kind);

        SessionReply again = await cpe.EmptyAsync();
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId(queued.Tasks[0].Id), new GetParameterValues(["Device.DeviceInfo.UpTime"])), again.Envelope);
        Assert.Equal(2, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.Attempts);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(again, "getparametervaluesresponse.xml")).Kind);
    }

    [Fact]
    public async Task Quirks_travel_with_every_reply()
    {
        var cpe = new Cpe(fixture, "S-QUIRKS");
        var quirks = new DeviceQuirks { BooleansAsDigits = true, EndWithEmpty200 = true };
        await cpe.Grain.SetQuirksAsync(quirks);

        SessionReply inform = await cpe.InformAsync();
        SessionReply end = await cpe.EmptyAsync();

        Assert.Equal(quirks, inform.Quirks);
        Assert.Equal(quirks, end.Quirks);
        Assert.Equal(quirks, (await cpe.Grain.GetSummaryAsync())!.Quirks);
    }
}
