using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>What an Inform changes: identity, data model, events and their obligations, parameter values (checklist §1, §5).</summary>
internal sealed partial class DeviceGrain
{
    private async Task ApplyInformAsync(Inform inform, CwmpSession session, DateTimeOffset now)
    {
        DeviceState state = State;
        DeviceIdStruct id = inform.DeviceId;
        if (!IsKnown)
        {
            state.FirstSeenAt = now;
            _dirty = true;
        }

        if (state.Manufacturer != id.Manufacturer || state.Oui != id.Oui || state.ProductClass != id.ProductClass || state.SerialNumber != id.SerialNumber)
        {
            (state.Manufacturer, state.Oui, state.ProductClass, state.SerialNumber) = (id.Manufacturer, id.Oui, id.ProductClass, id.SerialNumber);
            _dirty = true;
        }

        if (inform.ParameterList.Count > 0 && DeviceSummary.RootOf(inform) is var root && root != state.DataModelRoot)
        {
            state.DataModelRoot = root;
            _dirty = true;
        }

        string version = session.Version.ToString();
        if (state.CwmpVersion != version)
        {
            state.CwmpVersion = version;
            _dirty = true;
        }

        state.LastInformAt = now;
        _lazyDirty = true;
        state.LastRemoteAddress = session.RemoteAddress;

        List<string> codes = [.. inform.Events.Select(e => e.EventCode)];
        if (!codes.SequenceEqual(state.LastEvents, StringComparer.Ordinal))
        {
            state.LastEvents = codes;
        }

        foreach (string code in codes)
        {
            _metrics.InformEvent(code);
        }

        // The CPE drops these events once it has the InformResponse, so their effects are stored before it.
        if (codes.Any(CarriesObligation))
        {
            _dirty = true;
        }

        bool bootstrap = codes.Contains(EventCodes.Bootstrap, StringComparer.Ordinal);
        if (bootstrap)
        {
            ApplyBootstrap(now);
        }

        ApplyEvents(inform.Events, session, now);
        await RecordValueChangesAsync(codes, inform.ParameterList, now);
        await ApplyInformValuesAsync(inform.ParameterList, now);
        await ProvisionOnInformAsync(codes, firstInform: state.FirstSeenAt == now, now);
    }

    private static bool CarriesObligation(string code) =>
        code is EventCodes.Bootstrap or EventCodes.TransferComplete or EventCodes.DiagnosticsComplete
        || EventCodes.IsMethodEvent(code) || EventCodes.IsVendorEvent(code);

    /// <summary>
    /// "0 BOOTSTRAP": the CPE is new or factory-reset and has purged its queue (checklist §1): forget the cached tree,
    /// the attributes, the pending transfers and diagnostics.
    /// </summary>
    private void ApplyBootstrap(DateTimeOffset now)
    {
        LogBootstrap(DeviceKey);
        _parameters.Clear();
        State.InformValues.Clear();
        State.PendingDiagnostics.Clear();
        CancelDiagnosticsOnBootstrap(now);
        foreach (DeviceTask task in _tasks.Where(t => t.State == DeviceTaskState.AwaitingTransferComplete))
        {
            task.State = DeviceTaskState.Faulted;
            task.Fault = new CwmpFault(FaultCodes.FileTransferFailure, "The CPE bootstrapped (0 BOOTSTRAP) before it reported the transfer complete.");
            task.UpdatedAt = now;
        }

        _dirty = true;
    }

    private void ApplyEvents(EquatableArray<EventStruct> events, CwmpSession session, DateTimeOffset now)
    {
        bool boot = false;
        bool rebootEvent = false;
        foreach (EventStruct e in events)
        {
            switch (e.EventCode)
            {
                case EventCodes.Boot:
                    boot = true;
                    break;
                case EventCodes.MReboot:
                    rebootEvent = true;
                    CompleteAll(t => t.Request is Reboot && t.CommandKey == e.CommandKey, now);
                    break;
                case EventCodes.MScheduleInform:
                    CompleteAll(t => t.Request is ScheduleInform && t.CommandKey == e.CommandKey, now);
                    break;
                case EventCodes.MDownload or EventCodes.MUpload or EventCodes.MScheduleDownload:
                    session.ExpectedTransferCompletes.Add(e.CommandKey);
                    break;
                case EventCodes.DiagnosticsComplete:
                    QueueDiagnosticsResults(now);
                    break;
            }
        }

        // A CPE that reboots without reporting "M Reboot" still reports "1 BOOT": an accepted Reboot is then done.
        if (boot && !rebootEvent)
        {
            CompleteAll(t => t.Request is Reboot && t.State == DeviceTaskState.AwaitingEvent, now);
        }
    }

    /// <summary>"8 DIAGNOSTICS COMPLETE": read the results of the diagnostics this ACS requested (checklist §5, TR-143).</summary>
    private void QueueDiagnosticsResults(DateTimeOffset now)
    {
        if (State.PendingDiagnostics.Count == 0)
        {
            LogDiagnosticsCompleteUnrequested(DeviceKey);
            return;
        }

        foreach (string objectPath in State.PendingDiagnostics)
        {
            DeviceTask task = AddTask(new GetParameterValues([objectPath]), DiagnosticsRequester, now);
            LogDiagnosticsResultsQueued(DeviceKey, objectPath, task.Id);
        }

        State.PendingDiagnostics.Clear();
        _dirty = true;
    }

    /// <summary>
    /// The Inform's parameter values: only those that differ from the last Inform's reach the tree, so an unchanged
    /// Inform neither loads nor writes it.
    /// </summary>
    private async Task ApplyInformValuesAsync(EquatableArray<ParameterValueStruct> parameters, DateTimeOffset now)
    {
        Dictionary<string, InformValue> known = State.InformValues;
        List<ParameterValueStruct>? changed = null;
        foreach (ParameterValueStruct parameter in parameters)
        {
            if (!known.TryGetValue(parameter.Name, out InformValue? previous) || previous.Value != parameter.Value || previous.Type != parameter.Type)
            {
                known[parameter.Name] = new InformValue(parameter.Value, parameter.Type);
                (changed ??= []).Add(parameter);
            }
        }

        if (changed is null)
        {
            return;
        }

        _dirty = true;
        await EnsureParametersLoadedAsync();
        foreach (ParameterValueStruct parameter in changed)
        {
            _parameters.SetValue(parameter.Name, parameter.Value, parameter.Type, now);
        }
    }
}
