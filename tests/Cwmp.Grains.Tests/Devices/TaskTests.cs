using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>The task queue: every ACS→CPE RPC sent and answered, faults, retries, cancellation, version limits.</summary>
[Collection(ClusterTests.Name)]
public sealed class TaskTests(ClusterFixture fixture)
{
    public static TheoryData<string, string, DeviceTaskState> AcsRpcs => new()
    {
        { "acs-getparametervalues.xml", "getparametervaluesresponse.xml", DeviceTaskState.Done },
        { "acs-setparametervalues.xml", "setparametervaluesresponse.xml", DeviceTaskState.Done },
        { "acs-getparameternames.xml", "getparameternamesresponse.xml", DeviceTaskState.Done },
        { "acs-getparameternames-root.xml", "getparameternamesresponse.xml", DeviceTaskState.Done },
        { "acs-setparameterattributes.xml", "setparameterattributesresponse.xml", DeviceTaskState.Done },
        { "acs-getparameterattributes.xml", "getparameterattributesresponse.xml", DeviceTaskState.Done },
        { "acs-addobject.xml", "addobjectresponse.xml", DeviceTaskState.Done },
        { "acs-deleteobject.xml", "deleteobjectresponse.xml", DeviceTaskState.Done },
        { "acs-reboot.xml", "rebootresponse.xml", DeviceTaskState.AwaitingEvent },
        { "acs-factoryreset.xml", "factoryresetresponse.xml", DeviceTaskState.Done },
        { "acs-download.xml", "downloadresponse.xml", DeviceTaskState.AwaitingTransferComplete },
        { "acs-upload.xml", "uploadresponse.xml", DeviceTaskState.Done },
        { "acs-scheduledownload.xml", "scheduledownloadresponse.xml", DeviceTaskState.AwaitingTransferComplete },
        { "acs-canceltransfer.xml", "canceltransferresponse.xml", DeviceTaskState.Done },
        { "acs-getqueuedtransfers.xml", "getqueuedtransfersresponse.xml", DeviceTaskState.Done },
        { "acs-getallqueuedtransfers.xml", "getallqueuedtransfersresponse.xml", DeviceTaskState.Done },
        { "acs-scheduleinform.xml", "scheduleinformresponse.xml", DeviceTaskState.AwaitingEvent },
        { "acs-setvouchers.xml", "setvouchersresponse.xml", DeviceTaskState.Done },
        { "acs-getoptions.xml", "getoptionsresponse.xml", DeviceTaskState.Done },
        { "acs-changedustate.xml", "changedustateresponse.xml", DeviceTaskState.AwaitingTransferComplete },
        { "acs-getrpcmethods.xml", "getrpcmethodsresponse.xml", DeviceTaskState.Done },
    };

    [Theory]
    [MemberData(nameof(AcsRpcs))]
    public async Task Every_acs_request_goes_out_under_its_task_id_and_its_answer_settles_the_task(string requestFile, string answerFile, DeviceTaskState settled)
    {
        var cpe = new Cpe(fixture, "T-RPC-" + requestFile.Replace(".xml", "", StringComparison.Ordinal));
        var request = (CwmpRequest)CorpusFiles.Envelope(requestFile).Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([request], Requester: "test"));
        string id = queued.Tasks[0].Id;
        Assert.Equal(DeviceTaskState.Pending, queued.Tasks[0].State);
        Assert.Null(queued.ConnectionRequest);

        await cpe.InformAsync("quirk-namespace-cwmp-1-4-negotiation.xml");
        SessionReply sent = await cpe.EmptyAsync();

        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp14, CwmpHeader.WithId(id), request), sent.Envelope);
        Assert.Equal(DeviceTaskState.InFlight, (await cpe.Grain.GetTaskAsync(id))!.State);

        SessionReply end = await cpe.AnswerAsync(sent, answerFile);

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(id))!;
        Assert.Equal(settled, task.State);
        Assert.Equal(request.MethodName, task.Method);
        Assert.Equal(request, task.Request);
        Assert.Equal(CorpusFiles.Envelope(answerFile).Body, task.Response);
        Assert.Null(task.Fault);
        Assert.Equal(1, task.Attempts);
        Assert.Equal("test", task.Requester);
        Assert.Equal(fixture.Time.GetUtcNow(), task.CreatedAt);
        Assert.Equal(fixture.Time.GetUtcNow(), task.UpdatedAt);
    }

    [Fact]
    public async Task Tasks_go_out_one_per_answer_in_queue_order()
    {
        var cpe = new Cpe(fixture, "T-ORDER");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest(
            [new GetParameterValues(["Device.DeviceInfo.UpTime"]), new GetRPCMethods(), new ScheduleInform(60, "s-1")]));
        await cpe.InformAsync();

        SessionReply first = await cpe.EmptyAsync();
        SessionReply second = await cpe.AnswerAsync(first, "getparametervaluesresponse.xml");
        SessionReply third = await cpe.AnswerAsync(second, "getrpcmethodsresponse.xml");
        SessionReply end = await cpe.AnswerAsync(third, "scheduleinformresponse.xml");

        Assert.Equal(queued.Tasks.Select(t => t.Id), new[] { first, second, third }.Select(r => r.Envelope!.Header.Id));
        Assert.Equal(["GetParameterValues", "GetRPCMethods", "ScheduleInform"], new[] { first, second, third }.Select(r => r.Envelope!.Body.MethodName));
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(
            [DeviceTaskState.Done, DeviceTaskState.Done, DeviceTaskState.AwaitingEvent],
            (await cpe.Grain.GetTasksAsync()).Select(t => t.State));
    }

    [Fact]
    public async Task A_cpe_request_between_acs_requests_is_answered_and_the_queue_goes_on()
    {
        var cpe = new Cpe(fixture, "T-INTERLEAVED");
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));
        await cpe.InformAsync();

        SessionReply transfer = await cpe.PostAsync(CorpusFiles.Envelope("transfercomplete-success.xml"));
        SessionReply sent = await cpe.EmptyAsync();

        Assert.IsType<TransferCompleteResponse>(transfer.Envelope!.Body);
        Assert.IsType<GetRPCMethods>(sent.Envelope!.Body);
    }

    [Fact]
    public async Task A_retryable_fault_waits_for_the_next_session_and_fails_after_the_last_attempt()
    {
        var cpe = new Cpe(fixture, "T-RETRY");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.DeviceInfo."])]));
        string id = queued.Tasks[0].Id;
        CwmpFault fault = (CwmpFault)CorpusFiles.Envelope("fault-cpe-9002-server.xml").Body;

        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await cpe.InformAsync();
            SessionReply sent = await cpe.EmptyAsync();
            Assert.Equal(id, sent.Envelope!.Header.Id);

            // The fault is answered by ending the session: the same request is not sent again in it.
            SessionReply afterFault = await cpe.AnswerAsync(sent, "fault-cpe-9002-server.xml");
            Assert.Equal(SessionReplyKind.EndSession, afterFault.Kind);

            DeviceTaskView task = (await cpe.Grain.GetTaskAsync(id))!;
            Assert.Equal(attempt, task.Attempts);
            Assert.Equal(fault, task.Fault);
            Assert.Equal(attempt < 3 ? DeviceTaskState.RetryPending : DeviceTaskState.Faulted, task.State);
        }

        await cpe.InformAsync();
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
    }

    [Theory]
    [InlineData("fault-cpe-9003-spv.xml", 9003)]
    [InlineData("fault-cpe-vendor-9850.xml", 9850)]
    public async Task A_permanent_fault_fails_the_task_at_once(string faultFile, int faultCode)
    {
        var cpe = new Cpe(fixture, "T-PERMANENT-" + faultCode);
        var request = (CwmpRequest)CorpusFiles.Envelope("acs-setparametervalues.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([request]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();

        await cpe.AnswerAsync(sent, faultFile);

        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Faulted, task.State);
        Assert.Equal(1, task.Attempts);
        Assert.Equal(CorpusFiles.Envelope(faultFile).Body, task.Fault);
        Assert.Equal(faultCode, task.Fault!.FaultCode);
        Assert.Null(task.Response);
        Assert.Empty(await cpe.Grain.GetParametersAsync("Device.ManagementServer.PeriodicInform"));
    }

    [Fact]
    public async Task Fault_9005_drops_the_named_paths_from_the_cache()
    {
        var cpe = new Cpe(fixture, "T-9005");
        await SeedAsync(cpe,
        [
            new ParameterValueStruct("Device.X_Test.Keep", "1", "xsd:unsignedInt"),
            new ParameterValueStruct("Device.X_Test.Obj.1.Name", "a"),
            new ParameterValueStruct("Device.X_Test.Obj.2.Name", "b"),
        ]);
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.X_Test.Obj."])]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();

        await cpe.AnswerAsync(sent, "fault-cpe-9005.xml");

        Assert.Equal(["Device.X_Test.Keep"], (await cpe.Grain.GetParametersAsync("Device.X_Test.")).Select(p => p.Name));
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Faulted, task.State);
        Assert.Equal(FaultCodes.InvalidParameterName, task.Fault!.FaultCode);
    }

    [Fact]
    public async Task A_set_parameter_values_fault_drops_only_the_parameters_faulted_with_9005()
    {
        var cpe = new Cpe(fixture, "T-SPV-9005");
        await SeedAsync(cpe, [new ParameterValueStruct("Device.X_Test.Gone", "1"), new ParameterValueStruct("Device.X_Test.Bad", "2")]);
        var set = new SetParameterValues([new ParameterValueStruct("Device.X_Test.Gone", "3"), new ParameterValueStruct("Device.X_Test.Bad", "x")], "pk");
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([set]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        CwmpFault fault = CwmpFault.Create(FaultCodes.CpeInvalidArguments) with
        {
            SetParameterValuesFaults =
            [
                new SetParameterValuesFault("Device.X_Test.Gone", FaultCodes.InvalidParameterName, "Invalid parameter name"),
                new SetParameterValuesFault("Device.X_Test.Bad", FaultCodes.InvalidParameterValue, "Invalid parameter value"),
            ],
        };

        await cpe.PostAsync(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId(sent.Envelope!.Header.Id!), fault));

        IReadOnlyList<CachedParameter> left = await cpe.Grain.GetParametersAsync("Device.X_Test.");
        Assert.Equal(["Device.X_Test.Bad"], left.Select(p => p.Name));
        Assert.Equal("2", left[0].Value);
    }

    [Fact]
    public async Task An_answer_of_the_wrong_type_counts_as_a_failed_attempt()
    {
        var cpe = new Cpe(fixture, "T-WRONG-ANSWER");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();

        SessionReply end = await cpe.AnswerAsync(sent, "getparametervaluesresponse.xml");

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.RetryPending, task.State);
        Assert.Equal(new CwmpFault(FaultCodes.CpeInternalError, "GetRPCMethods was answered with GetParameterValuesResponse."), task.Fault);
    }

    [Fact]
    public async Task An_answer_with_a_mangled_id_still_answers_the_request_in_flight()
    {
        var cpe = new Cpe(fixture, "T-MANGLED-ID");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));
        await cpe.InformAsync();
        await cpe.EmptyAsync();

        await cpe.PostAsync(CorpusFiles.WithId("getrpcmethodsresponse.xml", "something-else"));

        Assert.Equal(DeviceTaskState.Done, (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.State);
    }

    [Fact]
    public async Task An_answer_with_no_request_in_flight_is_taken_as_an_empty_post()
    {
        var cpe = new Cpe(fixture, "T-STRAY-ANSWER");
        await cpe.InformAsync();

        SessionReply reply = await cpe.PostAsync(CorpusFiles.Envelope("getparametervaluesresponse.xml"));

        Assert.Equal(SessionReplyKind.EndSession, reply.Kind);
    }

    [Fact]
    public async Task A_request_newer_than_the_cpe_version_fails_without_being_sent()
    {
        var cpe = new Cpe(fixture, "T-TOO-NEW");
        var request = (CwmpRequest)CorpusFiles.Envelope("acs-scheduledownload.xml").Body;
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([request, new GetRPCMethods()]));
        await cpe.InformAsync("inform-device2-boot.xml");

        SessionReply sent = await cpe.EmptyAsync();

        Assert.IsType<GetRPCMethods>(sent.Envelope!.Body);
        DeviceTaskView task = (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!;
        Assert.Equal(DeviceTaskState.Faulted, task.State);
        Assert.Equal(0, task.Attempts);
        Assert.Equal(CwmpFault.Create(FaultCodes.CpeMethodNotSupported, "ScheduleDownload needs CWMP 1.2; the CPE speaks 1.0."), task.Fault);
    }

    [Fact]
    public async Task Only_a_task_not_sent_yet_can_be_cancelled()
    {
        var cpe = new Cpe(fixture, "T-CANCEL");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods(), new FactoryReset()]));
        await cpe.InformAsync();
        await cpe.EmptyAsync();

        Assert.False(await cpe.Grain.CancelTaskAsync(queued.Tasks[0].Id));
        Assert.True(await cpe.Grain.CancelTaskAsync(queued.Tasks[1].Id));
        Assert.False(await cpe.Grain.CancelTaskAsync("acs-999"));

        SessionReply end = await cpe.PostAsync(CorpusFiles.WithId("getrpcmethodsresponse.xml", queued.Tasks[0].Id));
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal([DeviceTaskState.Done, DeviceTaskState.Cancelled], (await cpe.Grain.GetTasksAsync()).Select(t => t.State));
    }

    [Fact]
    public async Task Requests_a_cpe_sends_cannot_be_queued()
    {
        var cpe = new Cpe(fixture, "T-INVALID");

        await Assert.ThrowsAsync<ArgumentException>(() => cpe.Grain.EnqueueAsync(new EnqueueRequest([new TransferComplete("k", new TransferFault(0, ""), CwmpDateTime.Unknown, CwmpDateTime.Unknown)])));
        await Assert.ThrowsAsync<ArgumentException>(() => cpe.Grain.EnqueueAsync(new EnqueueRequest([])));
        Assert.Empty(await cpe.Grain.GetTasksAsync());
    }

    [Fact]
    public async Task A_cpe_that_rejects_the_empty_path_gets_the_root_object_instead()
    {
        var cpe = new Cpe(fixture, "T-NO-ROOT-GPN");
        await cpe.Grain.SetQuirksAsync(new DeviceQuirks { NoRootGetParameterNames = true });
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterNames("", false)]));
        await cpe.InformAsync();

        SessionReply sent = await cpe.EmptyAsync();

        Assert.Equal(new GetParameterNames("Device.", false), sent.Envelope!.Body);
        Assert.Equal(new GetParameterNames("", false), (await cpe.Grain.GetTaskAsync(queued.Tasks[0].Id))!.Request);
    }

    /// <summary>Puts parameters in the device's cache by answering a GetParameterValues with them.</summary>
    internal static async Task SeedAsync(Cpe cpe, ParameterValueStruct[] parameters)
    {
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues([.. parameters.Select(p => p.Name)])], Requester: "seed"));
        await cpe.InformAsync();
        SessionReply sent = await cpe.EmptyAsync();
        SessionReply end = await cpe.PostAsync(new CwmpEnvelope(CwmpNamespaces.Cwmp10, CwmpHeader.WithId(sent.Envelope!.Header.Id!), new GetParameterValuesResponse(parameters)));
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
    }
}
