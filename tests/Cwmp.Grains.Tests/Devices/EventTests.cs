using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>Inform events and what they oblige the ACS to do (checklist §1, §5).</summary>
[Collection(ClusterTests.Name)]
public sealed class EventTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Bootstrap_drops_the_cached_tree_attributes_and_pending_transfers()
    {
        var cpe = new Cpe(fixture, "E-BOOTSTRAP");
        await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.X_Test.Old", "1")]);
        var download = (CwmpRequest)CorpusFiles.Envelope("acs-download.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([download]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        await cpe.AnswerAsync(sent, "downloadresponse.xml");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);

        SessionReply inform = await cpe.InformAsync("inform-bootstrap-cwmp12.xml");

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.WithId("1"), new InformResponse(1)), inform.Envelope);
        IReadOnlyList<CachedParameter> tree = await cpe.Grain.GetParametersAsync("");
        Assert.Equal(7, tree.Count);
        Assert.DoesNotContain(tree, p => p.Name == "Device.X_Test.Old");
        Assert.Equal(7, fixture.Parameters.Snapshot(cpe.DeviceKey).Count);
        DeviceTaskView transfer = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Faulted, transfer.State);
        Assert.Equal(new CwmpFault(FaultCodes.FileTransferFailure, "The CPE bootstrapped (0 BOOTSTRAP) before it reported the transfer complete."), transfer.Fault);
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], (await cpe.Grain.GetSummaryAsync())!.LastEvents);
    }

    [Fact]
    public async Task Reboot_is_done_when_the_cpe_comes_back_with_boot_and_m_reboot()
    {
        var cpe = new Cpe(fixture, "E-REBOOT");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new Reboot("reboot-0001")]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        Assert.Equal(new Reboot("reboot-0001"), sent.Envelope!.Body);
        SessionReply end = await cpe.AnswerAsync(sent, "rebootresponse.xml");
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(DeviceTaskState.AwaitingEvent, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);

        await cpe.InformAsync("inform-reboot-mevent.xml");

        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(new RebootResponse(), task.Response);
        Assert.Equal(["1 BOOT", "M Reboot"], (await cpe.Grain.GetSummaryAsync())!.LastEvents);
    }

    [Fact]
    public async Task Reboot_with_another_command_key_is_not_completed_by_m_reboot()
    {
        var cpe = new Cpe(fixture, "E-REBOOT-OTHER");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new Reboot("mine")]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        await cpe.AnswerAsync(sent, "rebootresponse.xml");

        await cpe.InformAsync("inform-reboot-mevent.xml");

        Assert.Equal(DeviceTaskState.AwaitingEvent, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);
    }

    [Fact]
    public async Task A_reboot_in_flight_is_done_when_the_next_inform_reports_boot()
    {
        var cpe = new Cpe(fixture, "E-REBOOT-INFLIGHT");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new Reboot("reboot-0001")]));
        await cpe.InformAsync();
        await cpe.EmptyAsync();

        // The CPE rebooted before its RebootResponse reached the ACS.
        await cpe.InformAsync("inform-device2-boot.xml");

        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Equal(1, task.Attempts);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task Download_is_done_when_the_transfer_complete_with_its_command_key_arrives()
    {
        var cpe = new Cpe(fixture, "E-DOWNLOAD");
        var download = (CwmpRequest)CorpusFiles.Envelope("acs-download.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([download]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        await cpe.AnswerAsync(sent, "downloadresponse.xml");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);

        await cpe.InformAsync("inform-transfer-complete-events.xml");
        SessionReply answer = await cpe.PostAsync(CorpusFiles.Envelope("transfercomplete-success.xml"));

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("2"), new TransferCompleteResponse()), answer.Envelope);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Done, task.State);
        Assert.Null(task.Fault);
        Assert.Equal(new DownloadResponse(1), task.Response);
        Assert.Equal(["7 TRANSFER COMPLETE", "M Download", "1 BOOT"], (await cpe.Grain.GetSummaryAsync())!.LastEvents);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task A_failed_transfer_is_sent_again_in_the_next_session()
    {
        var cpe = new Cpe(fixture, "E-DOWNLOAD-9010");
        var download = (CwmpRequest)CorpusFiles.Envelope("acs-download.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([download]));
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "downloadresponse.xml");

        await cpe.InformAsync("inform-transfer-complete-events.xml");
        SessionReply answer = await cpe.PostAsync(CorpusFiles.Envelope("transfercomplete-fault-9010.xml"));
        SessionReply end = await cpe.EmptyAsync();

        Assert.IsType<TransferCompleteResponse>(answer.Envelope!.Body);
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.RetryPending, task.State);
        Assert.Equal(new CwmpFault(FaultCodes.FileTransferFailure, "Download failed: HTTP 404"), task.Fault);

        await cpe.InformAsync();
        SessionReply again = await cpe.EmptyAsync();
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId(queued.Tasks[0].Id), download), again.Envelope);
        Assert.Equal(2, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.Attempts);
    }

    [Fact]
    public async Task A_transfer_complete_nobody_waits_for_is_still_acknowledged()
    {
        var cpe = new Cpe(fixture, "E-TC-UNKNOWN");
        await cpe.InformAsync("inform-transfer-complete-events.xml");

        SessionReply answer = await cpe.PostAsync(CorpusFiles.Envelope("transfercomplete-success.xml"));

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("2"), new TransferCompleteResponse()), answer.Envelope);
    }

    [Fact]
    public async Task Change_du_state_is_done_when_du_state_change_complete_arrives()
    {
        var cpe = new Cpe(fixture, "E-DU");
        var change = (CwmpRequest)CorpusFiles.Envelope("acs-changedustate.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([change]));
        await cpe.InformAsync("quirk-namespace-cwmp-1-4-negotiation.xml");
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "changedustateresponse.xml");
        Assert.Equal(DeviceTaskState.AwaitingTransferComplete, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);

        await cpe.InformAsync("quirk-namespace-cwmp-1-4-negotiation.xml");
        SessionReply answer = await cpe.PostAsync(CorpusFiles.Envelope("dustatechangecomplete.xml"));

        Assert.IsType<DUStateChangeCompleteResponse>(answer.Envelope!.Body);
        Assert.Equal(DeviceTaskState.Done, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);
    }

    [Fact]
    public async Task Schedule_inform_is_done_by_m_schedule_inform_with_its_command_key()
    {
        var cpe = new Cpe(fixture, "E-SCHEDULE");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new ScheduleInform(60, "sched-9")]));
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "scheduleinformresponse.xml");
        Assert.Equal(DeviceTaskState.AwaitingEvent, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);

        await cpe.InformAsync("inform-scheduled.xml");

        Assert.Equal(DeviceTaskState.Done, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);
    }

    [Fact]
    public async Task Diagnostics_complete_reads_the_results_of_the_diagnostics_that_were_requested()
    {
        var cpe = new Cpe(fixture, "E-DIAGNOSTICS");
        var set = new SetParameterValues(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.Host", "127.0.0.1"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested"),
            ],
            "diag-1");
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([set]));
        await cpe.InformAsync();
        SessionReply end = await cpe.AnswerAsync(await cpe.EmptyAsync(), "setparametervaluesresponse.xml");
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);

        await cpe.InformAsync("inform-diagnostics-complete.xml");
        SessionReply sent = await cpe.EmptyAsync();

        Assert.Equal(new GetParameterValues(["Device.IP.Diagnostics.IPPing."]), sent.Envelope!.Body);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(sent.Envelope.Header.Id!))!;
        Assert.Equal("diagnostics", task.Requester);
        Assert.Equal(DeviceTaskState.InFlight, task.State);
        SessionReply after = await cpe.PostAsync(new CwmpEnvelope(
            CwmpNamespaces.Cwmp10,
            CwmpHeader.WithId(task.Id),
            new GetParameterValuesResponse(
            [
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Complete"),
                new ParameterValueStruct("Device.IP.Diagnostics.IPPing.AverageResponseTime", "4", "xsd:unsignedInt"),
            ])));
        Assert.Equal(SessionReplyKind.EndSession, after.Kind);
        Assert.Equal("4", (await cpe.Grain.GetParametersAsync("Device.IP.Diagnostics.IPPing.AverageResponseTime")).Single().Value);

        // Reported once: a second 8 DIAGNOSTICS COMPLETE queues nothing.
        await cpe.InformAsync("inform-diagnostics-complete.xml");
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Fact]
    public async Task Value_change_updates_the_cached_value()
    {
        var cpe = new Cpe(fixture, "E-VALUE-CHANGE");
        await cpe.PeriodicSessionAsync();

        await cpe.InformAsync("inform-value-change.xml");

        CachedParameter ssid = (await cpe.Grain.GetParametersAsync("Device.WiFi.SSID.1.SSID")).Single();
        Assert.Equal("home-5G & guests", ssid.Value);
        Assert.Equal("xsd:string", ssid.Type);
        Assert.Equal(["4 VALUE CHANGE"], (await cpe.Grain.GetSummaryAsync())!.LastEvents);
    }

    [Fact]
    public async Task Vendor_events_are_kept_with_the_last_events()
    {
        var cpe = new Cpe(fixture, "E-VENDOR");

        await cpe.InformAsync("inform-vendor-events.xml");

        Assert.Equal(["X 00E0FC ResetButton", "M X_00E0FC_Ping", "6 CONNECTION REQUEST"], (await cpe.Grain.GetSummaryAsync())!.LastEvents);
    }
}
