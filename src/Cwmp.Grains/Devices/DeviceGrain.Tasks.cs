using System.Globalization;
using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>The task queue: queueing, waiting, sending order, answers, faults and completions.</summary>
internal sealed partial class DeviceGrain
{
    private const string DiagnosticsRequester = "diagnostics";
    private const string DiagnosticsStateSuffix = "DiagnosticsState";

    public async Task<EnqueueResult> EnqueueAsync(EnqueueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateRequests(request.Requests);
        string? waiterId = request.Wait is { } wait && wait > TimeSpan.Zero ? Guid.NewGuid().ToString("N") : null;

        // This method interleaves (to wait); the change itself is a turn of its own, never inside a session POST.
        EnqueuePlan plan = await this.AsReference<IDeviceTaskQueue>().AddTasksAsync(request, waiterId);

        ConnectionRequestOutcome? outcome = request.ConnectionRequest ? await RequestConnectionAsync(plan.SessionOpen, plan.Target) : null;
        if (waiterId is not null && _waiters.TryGetValue(waiterId, out Waiter? waiter))
        {
            try
            {
                TimeSpan remaining = plan.QueuedAt + request.Wait!.Value - _time.GetUtcNow();
                if (remaining > TimeSpan.Zero)
                {
                    await waiter.Completion.Task.WaitAsync(remaining, _time);
                }
            }
            catch (TimeoutException)
            {
                // The wait is over; the tasks report where they are.
            }
            finally
            {
                _waiters.Remove(waiterId);
            }
        }

        return new EnqueueResult([.. plan.TaskIds.Select(FindTask).OfType<DeviceTask>().Select(t => t.ToView())], outcome);
    }

    public async Task<EnqueuePlan> AddTasksAsync(EnqueueRequest request, string? waiterId)
    {
        DateTimeOffset now = _time.GetUtcNow();
        List<string> ids = [.. request.Requests.Select(r => AddTask(r, request.Requester, now).Id)];
        await PersistAsync();
        LogTasksQueued(DeviceKey, ids.Count, request.Requester);
        if (waiterId is not null)
        {
            _waiters[waiterId] = new Waiter(() => ids.All(id => FindTask(id) is null or { IsFinal: true }));
        }

        ConnectionRequestTarget? target = request.ConnectionRequest && _session is null ? await BuildConnectionRequestTargetAsync() : null;
        return new EnqueuePlan(ids, _session is not null, target, now);
    }

    public Task<DeviceTaskView?> GetTaskAsync(string taskId) => Task.FromResult(FindTask(taskId)?.ToView());

    public Task<IReadOnlyList<DeviceTaskView>> GetTasksAsync() =>
        Task.FromResult<IReadOnlyList<DeviceTaskView>>([.. _tasks.Select(t => t.ToView())]);

    public async Task<bool> CancelTaskAsync(string taskId)
    {
        DeviceTask? task = FindTask(taskId);
        if (task is null || !task.IsQueued)
        {
            return false;
        }

        task.State = DeviceTaskState.Cancelled;
        task.UpdatedAt = _time.GetUtcNow();
        _dirty = true;
        await PersistAsync();
        NotifyWaiters();
        return true;
    }

    private DeviceTask AddTask(CwmpRequest request, string? requester, DateTimeOffset now)
    {
        var task = new DeviceTask
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"acs-{State.NextTaskNumber++}"),
            Request = request,
            State = DeviceTaskState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Requester = requester,
        };
        _tasks.Add(task);
        _dirty = true;
        return task;
    }

    private DeviceTask? FindTask(string id) => _tasks.Find(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>The first queued task that may go out in this session, in queue order.</summary>
    private DeviceTask? NextTaskFor(CwmpSession session, DateTimeOffset now)
    {
        foreach (DeviceTask task in _tasks)
        {
            if (!task.IsQueued || task.HeldBackInSession == session.Id)
            {
                continue;
            }

            if (task.Request.MinimumVersion > session.Version)
            {
                // Never send a CPE an RPC its CWMP version does not define (ScheduleDownload to a 1.0 CPE).
                task.State = DeviceTaskState.Faulted;
                task.Fault = CwmpFault.Create(FaultCodes.CpeMethodNotSupported, $"{task.Request.MethodName} needs CWMP {task.Request.MinimumVersion}; the CPE speaks {session.Version}.");
                task.UpdatedAt = now;
                _dirty = true;
                NotifyWaiters();
                continue;
            }

            return task;
        }

        return null;
    }

    private async Task ApplyResponseAsync(DeviceTask task, CwmpResponse response, DateTimeOffset now)
    {
        task.Response = response;
        task.Fault = null;
        task.UpdatedAt = now;
        if (task.Request is GetParameterValues or GetParameterNames or GetParameterAttributes or SetParameterValues
            or SetParameterAttributes or AddObject or DeleteObject)
        {
            await EnsureParametersLoadedAsync();
            UpdateTree(task.Request, response, now);
            ForgetInformValuesNotInTree();
        }

        task.State = (task.Request, response) switch
        {
            (Download, DownloadResponse { Status: 1 }) or (Upload, UploadResponse { Status: 1 }) => DeviceTaskState.AwaitingTransferComplete,
            (ScheduleDownload, _) or (ChangeDUState, _) => DeviceTaskState.AwaitingTransferComplete,
            (Reboot, _) or (ScheduleInform, _) => DeviceTaskState.AwaitingEvent,
            _ => DeviceTaskState.Done,
        };
        TrackDiagnosticsAnswer(task, response, now);
        LogTaskAnswered(DeviceKey, task.Id, task.Request.MethodName, task.State);
    }

    private void UpdateTree(CwmpRequest request, CwmpResponse response, DateTimeOffset now)
    {
        switch (request, response)
        {
            case (GetParameterValues, GetParameterValuesResponse values):
                foreach (ParameterValueStruct parameter in values.ParameterList)
                {
                    SetReportedValue(parameter, now);
                }

                break;
            case (GetParameterNames names, GetParameterNamesResponse found):
                _parameters.ApplyNames(names.ParameterPath, names.NextLevel, found.ParameterList);
                break;
            case (GetParameterAttributes, GetParameterAttributesResponse attributes):
                foreach (ParameterAttributeStruct attribute in attributes.ParameterList)
                {
                    _parameters.SetNotification(attribute.Name, attribute.Notification);
                    _parameters.SetAccessList(attribute.Name, [.. attribute.AccessList]);
                }

                break;
            case (SetParameterValues set, SetParameterValuesResponse):
                foreach (ParameterValueStruct parameter in set.ParameterList)
                {
                    SetReportedValue(parameter, now);
                    RememberRequestedDiagnostics(parameter);
                }

                break;
            case (SetParameterAttributes set, _):
                foreach (SetParameterAttributesStruct attribute in set.ParameterList)
                {
                    if (attribute.NotificationChange)
                    {
                        _parameters.SetNotification(attribute.Name, attribute.Notification);
                    }

                    if (attribute.AccessListChange)
                    {
                        _parameters.SetAccessList(attribute.Name, [.. attribute.AccessList]);
                    }
                }

                break;
            case (AddObject add, AddObjectResponse added):
                _parameters.AddObject(AsObjectPath(add.ObjectName) + added.InstanceNumber.ToString(CultureInfo.InvariantCulture) + ".");
                break;
            case (DeleteObject delete, _):
                _parameters.RemoveSubtree(AsObjectPath(delete.ObjectName));
                break;
        }
    }

    private void SetReportedValue(ParameterValueStruct parameter, DateTimeOffset now)
    {
        _parameters.SetValue(parameter.Name, parameter.Value, parameter.Type, now);

        // Keep the Inform copy in step, or the next Inform would count this value as a change.
        if (State.InformValues.ContainsKey(parameter.Name))
        {
            State.InformValues[parameter.Name] = new InformValue(parameter.Value, parameter.Type);
        }
    }

    /// <summary>
    /// A parameter the tree dropped (GetParameterNames, DeleteObject, 9005) must not be remembered as an unchanged
    /// Inform value either, or the next Inform that reports it would not put it back.
    /// </summary>
    private void ForgetInformValuesNotInTree()
    {
        foreach (string name in State.InformValues.Keys.Where(n => _parameters.Get(n) is null).ToList())
        {
            State.InformValues.Remove(name);
        }
    }

    /// <summary>An SPV that sets "…DiagnosticsState" to "Requested" starts a TR-143 test whose results follow "8 DIAGNOSTICS COMPLETE".</summary>
    private void RememberRequestedDiagnostics(ParameterValueStruct parameter)
    {
        if (parameter.Name.EndsWith("." + DiagnosticsStateSuffix, StringComparison.Ordinal) && parameter.Value == "Requested")
        {
            string objectPath = parameter.Name[..^DiagnosticsStateSuffix.Length];
            if (!State.PendingDiagnostics.Contains(objectPath))
            {
                State.PendingDiagnostics.Add(objectPath);
            }
        }
    }

    private async Task ApplyFaultAsync(DeviceTask task, CwmpFault fault, DateTimeOffset now)
    {
        task.Fault = fault;
        task.Response = null;
        task.UpdatedAt = now;
        _metrics.RpcFault(task.Request.MethodName, fault.FaultCode);
        List<string> invalid = InvalidatedPaths(task.Request, fault);
        if (invalid.Count > 0)
        {
            await EnsureParametersLoadedAsync();
            foreach (string path in invalid)
            {
                _parameters.RemoveSubtree(path);
            }

            ForgetInformValuesNotInTree();
        }

        SetFaultState(task, fault.FaultCode);
        TrackDiagnosticsFault(task, fault, now);
        LogTaskFaulted(DeviceKey, task.Id, task.Request.MethodName, fault.FaultCode, task.State);
    }

    private void SetFaultState(DeviceTask task, int faultCode)
    {
        if (FaultClassification.IsRetryable(faultCode) && task.Attempts < _options.MaxAttempts)
        {
            task.State = DeviceTaskState.RetryPending;
            task.HeldBackInSession = _session?.Id;
        }
        else
        {
            task.State = DeviceTaskState.Faulted;
        }
    }

    /// <summary>9005 Invalid parameter name: the names the request used are not in the CPE's tree (checklist §3).</summary>
    private static List<string> InvalidatedPaths(CwmpRequest request, CwmpFault fault)
    {
        bool invalidName = fault.FaultCode == FaultCodes.InvalidParameterName;
        List<string> paths = [];
        switch (request)
        {
            case GetParameterValues values when invalidName:
                paths.AddRange(values.ParameterNames);
                break;
            case GetParameterAttributes attributes when invalidName:
                paths.AddRange(attributes.ParameterNames);
                break;
            case GetParameterNames names when invalidName:
                paths.Add(names.ParameterPath);
                break;
            case SetParameterValues set:
                if (invalidName)
                {
                    paths.AddRange(set.ParameterList.Select(p => p.Name));
                }

                paths.AddRange(fault.SetParameterValuesFaults.Where(f => f.FaultCode == FaultCodes.InvalidParameterName).Select(f => f.ParameterName));
                break;
            case SetParameterAttributes set when invalidName:
                paths.AddRange(set.ParameterList.Select(p => p.Name));
                break;
            case AddObject add when invalidName:
                paths.Add(AsObjectPath(add.ObjectName));
                break;
            case DeleteObject delete when invalidName:
                paths.Add(AsObjectPath(delete.ObjectName));
                break;
        }

        // The empty path is the whole tree: a CPE that rejects it (checklist §6.9) has not lost its tree.
        paths.RemoveAll(p => p.Length == 0);
        return paths;
    }

    private void OnTransferComplete(TransferComplete transferComplete, DateTimeOffset now)
    {
        _session?.ExpectedTransferCompletes.Remove(transferComplete.CommandKey);
        DeviceTask? task = FindTransfer(transferComplete.CommandKey, DeviceTaskState.AwaitingTransferComplete) ?? FindTransfer(transferComplete.CommandKey, null);
        int faultCode = transferComplete.FaultStruct.FaultCode;
        if (task is null)
        {
            LogTransferCompleteUnmatched(DeviceKey, transferComplete.CommandKey, faultCode);
            return;
        }

        if (_session?.InFlightTaskId == task.Id)
        {
            _session.InFlightTaskId = null;
        }

        task.UpdatedAt = now;
        _dirty = true;
        if (faultCode == 0)
        {
            task.State = DeviceTaskState.Done;
            task.Fault = null;
        }
        else
        {
            task.Fault = new CwmpFault(faultCode, transferComplete.FaultStruct.FaultString);
            _metrics.RpcFault(task.Request.MethodName, faultCode);
            SetFaultState(task, faultCode);
        }

        LogTransferCompleted(DeviceKey, task.Id, transferComplete.CommandKey, faultCode, task.State);
    }

    private DeviceTask? FindTransfer(string commandKey, DeviceTaskState? state) =>
        _tasks.Find(t => t.Request is Download or Upload or ScheduleDownload && !t.IsFinal
            && (state is null || t.State == state) && t.CommandKey == commandKey);

    private void OnDuStateChangeComplete(DUStateChangeComplete complete, DateTimeOffset now)
    {
        string commandKey = complete.CommandKey ?? string.Empty;
        DeviceTask? task = _tasks.Find(t => t.Request is ChangeDUState && !t.IsFinal && t.CommandKey == commandKey);
        if (task is null)
        {
            LogDuStateChangeCompleteUnmatched(DeviceKey, commandKey);
            return;
        }

        task.UpdatedAt = now;
        _dirty = true;
        OpResultStruct? failed = complete.Results.FirstOrDefault(r => r.Fault.FaultCode != 0);
        if (failed is null)
        {
            task.State = DeviceTaskState.Done;
            task.Fault = null;
        }
        else
        {
            task.State = DeviceTaskState.Faulted;
            task.Fault = new CwmpFault(failed.Fault.FaultCode, failed.Fault.FaultString);
            _metrics.RpcFault(task.Request.MethodName, failed.Fault.FaultCode);
        }
    }

    private void Complete(DeviceTask task, DateTimeOffset now)
    {
        task.State = DeviceTaskState.Done;
        task.Fault = null;
        task.UpdatedAt = now;
        _dirty = true;
    }

    private void CompleteAll(Func<DeviceTask, bool> match, DateTimeOffset now)
    {
        foreach (DeviceTask task in _tasks.Where(t => !t.IsFinal && match(t)))
        {
            Complete(task, now);
        }
    }

    /// <summary>A task that got no answer goes back to the queue, or fails when it has used its attempts.</summary>
    private void ReturnToQueue(DeviceTask task, DateTimeOffset now)
    {
        task.UpdatedAt = now;
        if (task.Attempts >= _options.MaxAttempts)
        {
            task.State = DeviceTaskState.Faulted;
            task.Fault = new CwmpFault(FaultCodes.CpeInternalError, $"No answer after {task.Attempts} attempts.");
        }
        else
        {
            task.State = DeviceTaskState.Pending;
        }
    }

    private void NotifyWaiters()
    {
        foreach (Waiter waiter in _waiters.Values)
        {
            if (waiter.IsDone())
            {
                waiter.Completion.TrySetResult();
            }
        }
    }

    private void ReleaseWaiters()
    {
        foreach (Waiter waiter in _waiters.Values)
        {
            waiter.Completion.TrySetResult();
        }
    }

    private async Task<ConnectionRequestOutcome> RequestConnectionAsync(bool sessionOpen, ConnectionRequestTarget? target)
    {
        ConnectionRequestOutcome outcome;
        if (sessionOpen)
        {
            outcome = ConnectionRequestOutcome.SessionOpen;
        }
        else if (target is null)
        {
            outcome = ConnectionRequestOutcome.NoUsableUrl;
        }
        else
        {
            try
            {
                outcome = await _connectionRequester.RequestAsync(target, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogConnectionRequestFailed(e, DeviceKey);
                outcome = ConnectionRequestOutcome.Unreachable;
            }
        }

        LogConnectionRequest(DeviceKey, outcome);
        return outcome;
    }

    /// <summary>The connection request addresses and credentials from the Inform values, else from the cached tree.</summary>
    private async Task<ConnectionRequestTarget?> BuildConnectionRequestTargetAsync()
    {
        string managementServer = State.DataModelRoot + "ManagementServer.";
        string? url = await LookupAsync(managementServer + "ConnectionRequestURL");
        string? udp = await LookupAsync(managementServer + "UDPConnectionRequestAddress");
        if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(udp))
        {
            return null;
        }

        return new ConnectionRequestTarget(
            DeviceKey,
            string.IsNullOrEmpty(url) ? null : url,
            string.IsNullOrEmpty(udp) ? null : udp,
            await LookupAsync(managementServer + "ConnectionRequestUsername") ?? State.Provisioning?.ConnectionRequestUsername,
            NonEmpty(await LookupAsync(managementServer + "ConnectionRequestPassword")) ?? State.Provisioning?.ConnectionRequestPassword);
    }

    private async Task<string?> LookupAsync(string name)
    {
        if (State.InformValues.TryGetValue(name, out InformValue? value))
        {
            return value.Value;
        }

        await EnsureParametersLoadedAsync();
        return _parameters.Get(name)?.Value;
    }

    private static string AsObjectPath(string name) => name.EndsWith('.') ? name : name + ".";

    private static void ValidateRequests(IReadOnlyList<CwmpRequest> requests)
    {
        if (requests is null || requests.Count == 0)
        {
            throw new ArgumentException("At least one request is needed.", nameof(requests));
        }

        foreach (CwmpRequest request in requests)
        {
            if (request is null or Inform or TransferComplete or AutonomousTransferComplete or RequestDownload
                or DUStateChangeComplete or AutonomousDUStateChangeComplete or Kicked or UnknownMessage)
            {
                throw new ArgumentException($"{request?.MethodName ?? "null"} is not a request the ACS sends to a CPE.", nameof(requests));
            }
        }
    }

    /// <summary>Someone waiting for the device to reach a state (tasks final, a diagnostic reported); checked on every change.</summary>
    private sealed class Waiter(Func<bool> isDone)
    {
        public Func<bool> IsDone { get; } = isDone;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
