using System.Globalization;
using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Diagnostics (TR-069 §A.4.1 "8 DIAGNOSTICS COMPLETE", TR-143): a request becomes one SetParameterValues with
/// DiagnosticsState=Requested and a record; the session code already remembers the object when the CPE accepts the
/// SPV and reads it back (GetParameterValues) after 8 DIAGNOSTICS COMPLETE; the hooks here follow those tasks and fill
/// the record.
/// </summary>
internal sealed partial class DeviceGrain : IDeviceDiagnosticsGrain, IDeviceDiagnosticsQueue
{
    /// <summary>Records kept per device; the oldest finished ones go first.</summary>
    internal const int MaxDiagnostics = 20;

    /// <summary>Result values kept per record (a TR-143 object with per-connection and incremental results is large).</summary>
    internal const int MaxDiagnosticResults = 500;

    public async Task<DiagnosticStarted> RequestDiagnosticAsync(DiagnosticRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Arguments);
        DiagnosticQueued queued = await this.AsReference<IDeviceDiagnosticsQueue>().AddDiagnosticAsync(request);
        ConnectionRequestOutcome? outcome = request.ConnectionRequest ? await RequestConnectionAsync(queued.Plan.SessionOpen, queued.Plan.Target) : null;
        return new DiagnosticStarted(queued.Record, outcome);
    }

    public async Task<DiagnosticQueued> AddDiagnosticAsync(DiagnosticRequest request)
    {
        if (!IsKnown)
        {
            throw new InvalidOperationException($"Device {DeviceKey} has never informed; its data model, and so its diagnostics objects, are unknown.");
        }

        (string objectPath, List<ParameterValueStruct> values) = DiagnosticsRequestBuilder.Build(request.Arguments, State.DataModelRoot);
        DateTimeOffset now = _time.GetUtcNow();

        // The CPE sets ManagementServer.ParameterKey to the SPV's key: keep the one provisioning last set.
        string parameterKey = await LookupAsync(State.DataModelRoot + "ManagementServer.ParameterKey") ?? string.Empty;
        DeviceTask task = AddTask(new SetParameterValues([.. values], parameterKey), request.Requester, now);
        var diagnostic = new StoredDiagnostic
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"diag-{State.NextDiagnosticNumber++}"),
            Kind = request.Arguments.Kind,
            ObjectPath = objectPath,
            Status = DiagnosticStatus.Requested,
            RequestedAt = now,
            RequestTaskId = task.Id,
            Arguments = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
            Requester = request.Requester,
        };
        State.Diagnostics.Add(diagnostic);
        PruneDiagnostics();
        _dirty = true;
        await PersistAsync();
        LogDiagnosticRequested(DeviceKey, diagnostic.Id, diagnostic.Kind, objectPath, task.Id);

        ConnectionRequestTarget? target = request.ConnectionRequest && _session is null ? await BuildConnectionRequestTargetAsync() : null;
        return new DiagnosticQueued(ToRecord(diagnostic), new EnqueuePlan([task.Id], _session is not null, target, now));
    }

    public async Task<DiagnosticRecord?> WaitForDiagnosticAsync(string diagnosticId, TimeSpan wait)
    {
        bool Reported() => State.Diagnostics.Find(d => string.Equals(d.Id, diagnosticId, StringComparison.Ordinal)) is not { Status: DiagnosticStatus.Requested };
        if (wait > TimeSpan.Zero && !Reported())
        {
            string waiterId = Guid.NewGuid().ToString("N");
            var waiter = new Waiter(Reported);
            _waiters[waiterId] = waiter;
            try
            {
                await waiter.Completion.Task.WaitAsync(wait, _time);
            }
            catch (TimeoutException)
            {
                // The wait is over; the record says where the diagnostic is.
            }
            finally
            {
                _waiters.Remove(waiterId);
            }
        }

        return await GetDiagnosticAsync(diagnosticId);
    }

    public Task<DiagnosticRecord?> GetDiagnosticAsync(string diagnosticId)
    {
        ReconcileDiagnostics(_time.GetUtcNow());
        StoredDiagnostic? found = State.Diagnostics.Find(d => string.Equals(d.Id, diagnosticId, StringComparison.Ordinal));
        return Task.FromResult(found is null ? null : ToRecord(found));
    }

    public Task<IReadOnlyList<DiagnosticRecord>> GetDiagnosticsAsync()
    {
        ReconcileDiagnostics(_time.GetUtcNow());
        return Task.FromResult<IReadOnlyList<DiagnosticRecord>>([.. Enumerable.Reverse(State.Diagnostics).Select(ToRecord)]);
    }

    /// <summary>Hook of <see cref="ApplyResponseAsync"/>: an SPV that starts a test, or the read of its results.</summary>
    private void TrackDiagnosticsAnswer(DeviceTask task, CwmpResponse response, DateTimeOffset now)
    {
        if (State.Diagnostics.Count == 0)
        {
            return;
        }

        switch (task.Request, response)
        {
            case (SetParameterValues set, SetParameterValuesResponse):
                foreach (ParameterValueStruct started in set.ParameterList.Where(p => p.Name.EndsWith("." + DiagnosticsStateSuffix, StringComparison.Ordinal) && p.Value == "Requested"))
                {
                    string objectPath = started.Name[..^DiagnosticsStateSuffix.Length];

                    // Setting a diagnostics object again stops the test that ran on it (TR-069 A.4.1).
                    foreach (StoredDiagnostic replaced in State.Diagnostics.Where(d => !d.IsFinal && d.Accepted && d.ObjectPath == objectPath && d.RequestTaskId != task.Id))
                    {
                        Finish(replaced, DiagnosticStatus.Canceled, now, reason: $"Replaced by a later request on {objectPath} (task {task.Id}).");
                    }
                }

                if (State.Diagnostics.Find(d => d.RequestTaskId == task.Id && !d.IsFinal) is { } accepted)
                {
                    accepted.Accepted = true;
                    _dirty = true;
                }

                break;
            case (GetParameterValues { ParameterNames: [string path] }, GetParameterValuesResponse values) when task.Requester == DiagnosticsRequester:
                if (LatestRunning(path) is { } diagnostic)
                {
                    ApplyResults(diagnostic, values.ParameterList, now);
                }

                break;
        }
    }

    /// <summary>Hook of <see cref="ApplyFaultAsync"/>: the SPV or the read of the results failed for good.</summary>
    private void TrackDiagnosticsFault(DeviceTask task, CwmpFault fault, DateTimeOffset now)
    {
        if (task.State != DeviceTaskState.Faulted || State.Diagnostics.Count == 0)
        {
            return;
        }

        StoredDiagnostic? diagnostic = State.Diagnostics.Find(d => d.RequestTaskId == task.Id && !d.IsFinal)
            ?? (task.Requester == DiagnosticsRequester && task.Request is GetParameterValues { ParameterNames: [string path] } ? LatestRunning(path) : null);
        if (diagnostic is not null)
        {
            Finish(diagnostic, DiagnosticStatus.Error, now, fault, $"{task.Request.MethodName} faulted with {fault.FaultCode}.");
        }
    }

    /// <summary>Hook of <see cref="ApplyBootstrap"/>: a factory-reset CPE forgot the tests it was running.</summary>
    private void CancelDiagnosticsOnBootstrap(DateTimeOffset now)
    {
        foreach (StoredDiagnostic diagnostic in State.Diagnostics.Where(d => !d.IsFinal))
        {
            Finish(diagnostic, DiagnosticStatus.Canceled, now, reason: "The CPE bootstrapped (0 BOOTSTRAP) before it reported the results.");
        }
    }

    /// <summary>A record whose SPV task ended without an answer (cancelled, out of attempts) ends with it.</summary>
    private void ReconcileDiagnostics(DateTimeOffset now)
    {
        foreach (StoredDiagnostic diagnostic in State.Diagnostics.Where(d => !d.IsFinal && !d.Accepted))
        {
            if (FindTask(diagnostic.RequestTaskId) is { } task)
            {
                if (task.State == DeviceTaskState.Cancelled)
                {
                    Finish(diagnostic, DiagnosticStatus.Canceled, now, reason: $"Task {task.Id} was cancelled before it was sent.");
                }
                else if (task.State == DeviceTaskState.Faulted)
                {
                    Finish(diagnostic, DiagnosticStatus.Error, now, task.Fault, $"{task.Request.MethodName} failed.");
                }
            }
        }
    }

    private StoredDiagnostic? LatestRunning(string objectPath) =>
        State.Diagnostics.LastOrDefault(d => !d.IsFinal && d.Accepted && d.ObjectPath == objectPath);

    private void ApplyResults(StoredDiagnostic diagnostic, EquatableArray<ParameterValueStruct> values, DateTimeOffset now)
    {
        diagnostic.Results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ParameterValueStruct value in values.Take(MaxDiagnosticResults))
        {
            diagnostic.Results[value.Name] = value.Value;
        }

        string? state = diagnostic.Results.GetValueOrDefault(diagnostic.ObjectPath + DiagnosticsStateSuffix);
        diagnostic.DiagnosticsState = state;
        _dirty = true;
        switch (state)
        {
            case "Complete" or "Completed":
                Finish(diagnostic, DiagnosticStatus.Complete, now);
                break;
            case "Canceled":
                Finish(diagnostic, DiagnosticStatus.Canceled, now);
                break;
            case "Requested":
                // Not done yet (a CPE that announced 8 DIAGNOSTICS COMPLETE for another object): read it next time.
                if (!State.PendingDiagnostics.Contains(diagnostic.ObjectPath))
                {
                    State.PendingDiagnostics.Add(diagnostic.ObjectPath);
                }

                break;
            default:
                Finish(diagnostic, DiagnosticStatus.Error, now, reason: state is null
                    ? "The results carry no DiagnosticsState."
                    : state.StartsWith("Error", StringComparison.Ordinal) ? null : $"The CPE reports DiagnosticsState '{state}'.");
                break;
        }
    }

    private void Finish(StoredDiagnostic diagnostic, DiagnosticStatus status, DateTimeOffset now, CwmpFault? fault = null, string? reason = null)
    {
        diagnostic.Status = status;
        diagnostic.FinishedAt = now;
        diagnostic.FaultCode = fault?.FaultCode;
        diagnostic.FaultString = fault?.FaultString;
        diagnostic.Reason = reason;
        _dirty = true;
        LogDiagnosticFinished(DeviceKey, diagnostic.Id, diagnostic.Kind, status, diagnostic.DiagnosticsState, reason);
    }

    private void PruneDiagnostics()
    {
        List<StoredDiagnostic> diagnostics = State.Diagnostics;
        while (diagnostics.Count > MaxDiagnostics)
        {
            int oldestFinished = diagnostics.FindIndex(d => d.IsFinal);
            diagnostics.RemoveAt(oldestFinished >= 0 ? oldestFinished : 0);
        }
    }

    private static DiagnosticRecord ToRecord(StoredDiagnostic d) => new()
    {
        Id = d.Id,
        Kind = d.Kind,
        ObjectPath = d.ObjectPath,
        Status = d.Status,
        DiagnosticsState = d.DiagnosticsState,
        RequestedAt = d.RequestedAt,
        FinishedAt = d.FinishedAt,
        RequestTaskId = d.RequestTaskId,
        Arguments = new Dictionary<string, string>(d.Arguments, StringComparer.Ordinal),
        Results = new Dictionary<string, string>(d.Results, StringComparer.Ordinal),
        Summary = d.Status == DiagnosticStatus.Complete ? DiagnosticsSummaries.Summarize(d.Kind, d.ObjectPath, d.Results) : null,
        Fault = d.FaultCode is { } code ? new CwmpFault(code, d.FaultString ?? string.Empty) : null,
        Requester = d.Requester,
        Reason = d.Reason,
    };
}
