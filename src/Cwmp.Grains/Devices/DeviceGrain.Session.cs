using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>The CWMP session state machine of a device (ADR 0003, checklist §1).</summary>
internal sealed partial class DeviceGrain
{
    // What the ACS answers to GetRPCMethods: the CPE→ACS methods it serves (checklist §2).
    private static readonly EquatableArray<string> AcsMethods =
    [
        "Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete", "RequestDownload",
        "DUStateChangeComplete", "AutonomousDUStateChangeComplete", "Kicked",
    ];

    private CwmpSession? _session;
    private IGrainTimer? _sessionTimer;

    public async Task<SessionReply> PostAsync(SessionPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        DateTimeOffset now = _time.GetUtcNow();
        SessionReply reply = await HandlePostAsync(post, now);
        await FollowCampaignJobAsync(now);
        return reply;
    }

    private async Task<SessionReply> HandlePostAsync(SessionPost post, DateTimeOffset now)
    {
        if (_session is not null && _session.IsExpired(now))
        {
            LogSessionExpired(DeviceKey, _session.Id);
            await CloseSessionAsync(SessionOutcome.Expired, replacement: null, persist: true);
        }

        if (post.Envelope is { Body: Inform inform } informEnvelope)
        {
            return await OnInformAsync(post, informEnvelope, inform, now);
        }

        if (_session is null)
        {
            return Reject("no_session", $"{(post.Envelope is null ? "An empty POST" : "A " + post.Envelope.Body.MethodName)} with no open session: a session starts with an Inform.");
        }

        if (post.SessionId is not null && !string.Equals(post.SessionId, _session.Id, StringComparison.Ordinal))
        {
            return Reject("wrong_session", $"The POST belongs to session {post.SessionId}; the open session is {_session.Id}.");
        }

        _session.Touch(now);
        ArmSessionTimer(_session.Timeout);
        return post.Envelope switch
        {
            null => await SendNextOrEndAsync(now),
            { Body: CwmpRequest request } envelope => await OnCpeRequestAsync(envelope, request, now),
            { } envelope => await OnAnswerAsync(envelope, envelope.Body, now),
        };
    }

    private async Task<SessionReply> OnInformAsync(SessionPost post, CwmpEnvelope envelope, Inform inform, DateTimeOffset now)
    {
        string informKey = inform.DeviceId.ToDeviceKey();
        if (!string.Equals(informKey, DeviceKey, StringComparison.Ordinal))
        {
            LogInformFromOtherDevice(DeviceKey, informKey);
            _metrics.RejectedPost("identity");
            return new SessionReply(SessionReplyKind.Forbidden, null, null, State.Quirks, Reason: $"The Inform's DeviceId is {informKey}, not {DeviceKey}.");
        }

        if (_session is not null)
        {
            // Persisted with this Inform's own write below.
            await CloseSessionAsync(SessionOutcome.Replaced, replacement: inform, persist: false);
        }

        CwmpHeader header = envelope.Header;
        if (!CwmpVersionNegotiation.TryNegotiate(header.SupportedCwmpVersions, envelope.CwmpNamespace, _options.SupportedVersions, out CwmpVersion version))
        {
            LogVersionIncompatible(DeviceKey, header.SupportedCwmpVersions, envelope.CwmpNamespace);
            _metrics.SessionEnded("version_incompatible");
            await PersistAsync();
            return new SessionReply(SessionReplyKind.Envelope, null, envelope.Reply(CwmpVersionNegotiation.IncompatibleFault()), State.Quirks);
        }

        TimeSpan timeout = header.SessionTimeout is > 0 and uint seconds ? TimeSpan.FromSeconds(seconds) : _options.SessionTimeout;
        var session = new CwmpSession(Guid.NewGuid().ToString("N"), envelope.CwmpNamespace, version, now, timeout, post.RemoteAddress);
        try
        {
            await ApplyInformAsync(inform, session, now);
            await UpdateIndexAsync();

            // The CPE forgets its events once it has the InformResponse: they are stored first.
            await PersistAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Memory may now be ahead of storage: drop it, and start the next attempt from what storage holds.
            LogStorageUnavailable(e, DeviceKey);
            _metrics.SessionEnded("busy");
            _discardMemory = true;
            DeactivateOnIdle();
            return new SessionReply(SessionReplyKind.Busy, null, null, State.Quirks, RetryAfter: _options.BusyRetryAfter, Reason: "Storage is unavailable.");
        }

        _session = session;
        ArmSessionTimer(timeout);
        _metrics.QueueDepth(_tasks.Count(t => t.IsQueued));
        LogSessionOpened(DeviceKey, session.Id, version, new EventList(inform.Events), post.RemoteAddress);
        NotifyWaiters();

        CwmpHeader replyHeader = string.IsNullOrWhiteSpace(header.SupportedCwmpVersions)
            ? header.Id is null ? CwmpHeader.Empty : CwmpHeader.WithId(header.Id)
            : new CwmpHeader { Id = header.Id, UseCwmpVersion = version.ToString() };
        return EnvelopeReply(new CwmpEnvelope(envelope.CwmpNamespace, replyHeader, new InformResponse(1)));
    }

    private async Task<SessionReply> OnCpeRequestAsync(CwmpEnvelope envelope, CwmpRequest request, DateTimeOffset now)
    {
        CwmpMessage answer;
        switch (request)
        {
            case TransferComplete transferComplete:
                OnTransferComplete(transferComplete, now);
                answer = new TransferCompleteResponse();
                break;
            case AutonomousTransferComplete autonomous:
                LogAutonomousTransferComplete(DeviceKey, autonomous.FileType, autonomous.TransferUrl, autonomous.FaultStruct.FaultCode);
                answer = new AutonomousTransferCompleteResponse();
                break;
            case GetRPCMethods:
                answer = new GetRPCMethodsResponse(AcsMethods);
                break;
            case RequestDownload requestDownload:
                LogRequestDownload(DeviceKey, requestDownload.FileType);
                answer = new RequestDownloadResponse();
                break;
            case DUStateChangeComplete duStateChangeComplete:
                OnDuStateChangeComplete(duStateChangeComplete, now);
                answer = new DUStateChangeCompleteResponse();
                break;
            case AutonomousDUStateChangeComplete autonomousDu:
                LogAutonomousDuStateChangeComplete(DeviceKey, autonomousDu.Results.Count);
                answer = new AutonomousDUStateChangeCompleteResponse();
                break;
            case Kicked kicked:
                answer = new KickedResponse(kicked.Next);
                break;
            default:
                LogMethodNotSupported(DeviceKey, request.MethodName);
                answer = CwmpFault.Create(FaultCodes.MethodNotSupported);
                break;
        }

        try
        {
            // The CPE forgets a TransferComplete once it is answered.
            await PersistAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStorageUnavailable(e, DeviceKey);
            return EnvelopeReply(envelope.Reply(CwmpFault.Create(FaultCodes.RetryRequest)));
        }

        NotifyWaiters();
        return EnvelopeReply(envelope.Reply(answer));
    }

    private async Task<SessionReply> OnAnswerAsync(CwmpEnvelope envelope, CwmpMessage answer, DateTimeOffset now)
    {
        // MaxEnvelopes is 1: at most one request is on the wire, so an answer with a lost or mangled cwmp:ID is still its answer.
        DeviceTask? task = _session!.InFlightTaskId is { } inFlightId ? FindTask(inFlightId) : null;
        if (task is null || task.State != DeviceTaskState.InFlight)
        {
            LogUnexpectedAnswer(DeviceKey, answer.MethodName, envelope.Header.Id);
            return await SendNextOrEndAsync(now);
        }

        if (envelope.Header.Id is { } id && !string.Equals(id, task.Id, StringComparison.Ordinal))
        {
            LogAnswerIdMismatch(DeviceKey, task.Id, id);
        }

        _session.InFlightTaskId = null;
        if (answer is CwmpFault fault)
        {
            await ApplyFaultAsync(task, fault, now);
        }
        else if (answer is CwmpResponse response && response.MethodName == task.Request.MethodName + "Response")
        {
            await ApplyResponseAsync(task, response, now);
        }
        else
        {
            await ApplyFaultAsync(task, new CwmpFault(FaultCodes.CpeInternalError, $"{task.Request.MethodName} was answered with {answer.MethodName}."), now);
        }

        _dirty = true;
        NotifyWaiters();
        return await SendNextOrEndAsync(now);
    }

    private async Task<SessionReply> SendNextOrEndAsync(DateTimeOffset now)
    {
        CwmpSession session = _session!;
        DeviceTask? next = NextTaskFor(session, now);
        if (next is null && await ContinueProvisioningAsync(now))
        {
            next = NextTaskFor(session, now);
        }

        if (next is null)
        {
            await CloseSessionAsync(SessionOutcome.Completed, replacement: null, persist: true);
            return new SessionReply(SessionReplyKind.EndSession, session.Id, null, State.Quirks);
        }

        next.State = DeviceTaskState.InFlight;
        next.Attempts++;
        next.UpdatedAt = now;
        session.InFlightTaskId = next.Id;
        _dirty = true;

        // The attempt is stored before the request leaves, so a lost activation cannot resend it uncounted.
        await PersistAsync();
        LogTaskSent(DeviceKey, next.Id, next.Request.MethodName, next.Attempts);
        return EnvelopeReply(new CwmpEnvelope(session.CwmpNamespace, CwmpHeader.WithId(next.Id), ForThisDevice(next.Request)));
    }

    /// <summary>Ends the open session; the task on the wire goes back to the queue with its attempt counted.</summary>
    private async Task CloseSessionAsync(SessionOutcome outcome, Inform? replacement, bool persist)
    {
        CwmpSession session = _session!;
        _session = null;
        _sessionTimer?.Dispose();
        _sessionTimer = null;
        DateTimeOffset now = _time.GetUtcNow();
        if (session.InFlightTaskId is { } id && FindTask(id) is { State: DeviceTaskState.InFlight } task)
        {
            // A CPE that reboots on a Reboot may do so before its RebootResponse reaches us: the new Inform says it did.
            if (task.Request is Reboot && replacement is not null && replacement.Events.Any(e => e.EventCode is EventCodes.Boot or EventCodes.MReboot))
            {
                Complete(task, now);
            }
            else
            {
                ReturnToQueue(task, now);
            }

            _dirty = true;
        }

        foreach (string commandKey in session.ExpectedTransferCompletes)
        {
            LogTransferCompleteMissing(DeviceKey, commandKey);
        }

        _metrics.SessionEnded(outcome.ToString().ToLowerInvariant());
        LogSessionClosed(DeviceKey, session.Id, outcome);

        if (persist)
        {
            await PersistAsync();
        }

        NotifyWaiters();
    }

    private void ArmSessionTimer(TimeSpan dueIn)
    {
        if (_sessionTimer is null)
        {
            _sessionTimer = this.RegisterGrainTimer(
                OnSessionTimerAsync,
                new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
        }
        else
        {
            _sessionTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnSessionTimerAsync(CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return;
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (_session.IsExpired(now))
        {
            LogSessionExpired(DeviceKey, _session.Id);
            await CloseSessionAsync(SessionOutcome.Expired, replacement: null, persist: true);
        }
        else
        {
            ArmSessionTimer(_session.Remaining(now));
        }
    }

    private SessionReply Reject(string reason, string text)
    {
        LogPostRejected(DeviceKey, text);
        _metrics.RejectedPost(reason);
        return new SessionReply(SessionReplyKind.Rejected, _session?.Id, null, State.Quirks, Reason: text);
    }

    /// <summary>The request as this CPE needs it written (per-device quirks that change content, not form).</summary>
    private CwmpRequest ForThisDevice(CwmpRequest request) =>
        request is GetParameterNames { ParameterPath: "" } names && State.Quirks.NoRootGetParameterNames
            ? names with { ParameterPath = State.DataModelRoot }
            : request;
}
