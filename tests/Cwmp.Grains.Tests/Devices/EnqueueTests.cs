using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>Queueing with a connection request and a wait (the NBI's "do it now and tell me").</summary>
[Collection(ClusterTests.Name)]
public sealed class EnqueueTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Enqueue_with_wait_returns_when_the_session_has_answered_every_task()
    {
        var cpe = new Cpe(fixture, "Q-WAIT");
        await cpe.PeriodicSessionAsync();
        fixture.ConnectionRequester.Reset();
        Task<ConnectionRequestTarget> woken = fixture.ConnectionRequester.NextRequest;

        Task<EnqueueResult> enqueue = cpe.Grain.EnqueueAsync(new EnqueueRequest(
            [new GetParameterValues(["Device.DeviceInfo.UpTime"]), new GetRPCMethods()],
            ConnectionRequest: true,
            Wait: TimeSpan.FromSeconds(60),
            Requester: "nbi"));

        // The connection request is the CPE's cue: it opens a session while the enqueue call waits.
        Assert.Equal(
            new ConnectionRequestTarget(cpe.DeviceKey, "http://127.0.0.1:7548/cr", null, null, null),
            await woken);
        Assert.False(enqueue.IsCompleted);
        await cpe.InformAsync("inform-device2-boot.xml");
        SessionReply first = await cpe.EmptyAsync();
        Assert.False(enqueue.IsCompleted);
        SessionReply second = await cpe.AnswerAsync(first, "getparametervaluesresponse.xml");
        SessionReply end = await cpe.AnswerAsync(second, "getrpcmethodsresponse.xml");
        EnqueueResult result = await enqueue;

        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
        Assert.Equal(ConnectionRequestOutcome.Accepted, result.ConnectionRequest);
        Assert.Equal([DeviceTaskState.Done, DeviceTaskState.Done], result.Tasks.Select(t => t.State));
        Assert.Equal(CorpusFiles.Envelope("getparametervaluesresponse.xml").Body, result.Tasks[0].Response);
        Assert.Equal(["nbi", "nbi"], result.Tasks.Select(t => t.Requester));
    }

    [Fact]
    public async Task Enqueue_with_wait_returns_when_the_wait_ends()
    {
        var cpe = new Cpe(fixture, "Q-WAIT-ENDS");
        await cpe.PeriodicSessionAsync();
        fixture.ConnectionRequester.Reset();
        Task<ConnectionRequestTarget> woken = fixture.ConnectionRequester.NextRequest;

        Task<EnqueueResult> enqueue = cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()], ConnectionRequest: true, Wait: TimeSpan.FromSeconds(20)));
        await woken;
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        EnqueueResult result = await enqueue;

        Assert.Equal(DeviceTaskState.Pending, result.Tasks.Single().State);
        Assert.Equal(ConnectionRequestOutcome.Accepted, result.ConnectionRequest);
    }

    [Fact]
    public async Task Enqueue_with_wait_returns_at_once_when_a_task_fails_permanently()
    {
        var cpe = new Cpe(fixture, "Q-WAIT-FAULT");
        await cpe.PeriodicSessionAsync();
        fixture.ConnectionRequester.Reset();
        Task<ConnectionRequestTarget> woken = fixture.ConnectionRequester.NextRequest;

        Task<EnqueueResult> enqueue = cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.Nope."])], ConnectionRequest: true, Wait: TimeSpan.FromSeconds(60)));
        await woken;
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "fault-cpe-9005.xml");
        EnqueueResult result = await enqueue;

        Assert.Equal(DeviceTaskState.Faulted, result.Tasks.Single().State);
        Assert.Equal(FaultCodes.InvalidParameterName, result.Tasks.Single().Fault!.FaultCode);
    }

    [Fact]
    public async Task A_connection_request_uses_the_credentials_from_the_cached_tree()
    {
        var cpe = new Cpe(fixture, "Q-CR-CREDENTIALS");
        await TaskTests.SeedAsync(cpe,
        [
            new ParameterValueStruct("Device.ManagementServer.ConnectionRequestUsername", "cr-user"),
            new ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", "cr-pass"),
            new ParameterValueStruct("Device.ManagementServer.UDPConnectionRequestAddress", "127.0.0.1:7547"),
        ]);
        fixture.ConnectionRequester.Reset();

        EnqueueResult result = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()], ConnectionRequest: true));

        Assert.Equal(ConnectionRequestOutcome.Accepted, result.ConnectionRequest);
        Assert.Equal(
            new ConnectionRequestTarget(cpe.DeviceKey, "http://127.0.0.1:7548/cr", "127.0.0.1:7547", "cr-user", "cr-pass"),
            await fixture.ConnectionRequester.NextRequest);
        Assert.Equal(DeviceTaskState.Pending, result.Tasks.Single().State);
    }

    [Fact]
    public async Task No_connection_request_without_an_address_or_during_a_session()
    {
        var unknown = new Cpe(fixture, "Q-CR-UNKNOWN");
        var inSession = new Cpe(fixture, "Q-CR-IN-SESSION");
        await inSession.InformAsync();

        EnqueueResult none = await unknown.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()], ConnectionRequest: true));
        EnqueueResult open = await inSession.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()], ConnectionRequest: true));

        Assert.Equal(ConnectionRequestOutcome.NoUsableUrl, none.ConnectionRequest);
        Assert.Equal(ConnectionRequestOutcome.SessionOpen, open.ConnectionRequest);

        // Queued during the session, sent in it.
        SessionReply sent = await inSession.EmptyAsync();
        Assert.Equal(open.Tasks.Single().Id, sent.Envelope!.Header.Id);
    }

    [Fact]
    public async Task Tasks_state_and_tree_survive_a_deactivation()
    {
        var cpe = new Cpe(fixture, "Q-SURVIVE");
        var download = (CwmpRequest)CorpusFiles.Envelope("acs-download.xml").Body;
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([download]));
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "downloadresponse.xml");
        EnqueueResult queued = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()], Requester: "later"));
        await cpe.Grain.SetQuirksAsync(new DeviceQuirks { XmlDeclaration = true });
        IReadOnlyList<DeviceTaskView> before = await cpe.Grain.GetTasksAsync();
        DeviceSummary summaryBefore = (await cpe.Grain.GetSummaryAsync())!;

        await cpe.DeactivateAsync();

        IReadOnlyList<DeviceTaskView> after = await cpe.Grain.GetTasksAsync();
        Assert.Equal(before, after);
        Assert.Equal([DeviceTaskState.AwaitingTransferComplete, DeviceTaskState.Pending], after.Select(t => t.State));
        Assert.Equal(new DownloadResponse(1), after[0].Response);
        DeviceSummary summaryAfter = (await cpe.Grain.GetSummaryAsync())!;
        Assert.Equal(summaryBefore with { LastEvents = [], Tags = [] }, summaryAfter with { LastEvents = [], Tags = [] });
        Assert.Equal(summaryBefore.LastEvents, summaryAfter.LastEvents);
        Assert.Equal(7, (await cpe.Grain.GetParametersAsync("")).Count);

        // The next task id continues the sequence.
        EnqueueResult next = await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));
        Assert.NotEqual(queued.Tasks[0].Id, next.Tasks[0].Id);
        Assert.Equal(3, (await cpe.Grain.GetTasksAsync()).Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public async Task Forget_drops_everything_the_grain_knows()
    {
        var cpe = new Cpe(fixture, "Q-FORGET");
        await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.X_Test.A", "1")]);
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetRPCMethods()]));

        await cpe.Grain.ForgetAsync();

        Assert.Null(await cpe.Grain.GetSummaryAsync());
        Assert.Empty(await cpe.Grain.GetTasksAsync());
        Assert.Empty(await cpe.Grain.GetParametersAsync(""));
        Assert.Empty(fixture.Parameters.Snapshot(cpe.DeviceKey));

        // The device can come back as new.
        await cpe.InformAsync();
        Assert.Equal(7, (await cpe.Grain.GetParametersAsync("")).Count);
    }
}
