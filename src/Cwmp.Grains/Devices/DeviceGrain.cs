using Cwmp.Grains.Diagnostics;
using Cwmp.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Cwmp.Grains.Devices;

/// <summary>
/// One CPE (ADR 0003): its CWMP session state machine, its Inform events, its task queue, its cached parameter tree and
/// its persistence. The only writer of the device's state. This file holds the state and its persistence; the session
/// is in DeviceGrain.Session.cs, the task queue in DeviceGrain.Tasks.cs.
/// </summary>
/// <remarks>
/// Writes: a reply that changed something durable is sent only after the change is stored (an Inform's events, a
/// task sent or answered, a TransferComplete). What changes on every Inform without mattering much (last Inform time,
/// remote address, the last events when they carry no obligation) waits for the next real write or for deactivation,
/// so that an unchanged periodic Inform costs the activation's read and nothing else.
/// </remarks>
internal sealed partial class DeviceGrain : Grain, IDeviceGrain, IDeviceTaskQueue
{
    private readonly IPersistentState<DeviceState> _state;
    private readonly IParameterStore _parameterStore;
    private readonly IConnectionRequester _connectionRequester;
    private readonly TimeProvider _time;
    private readonly DeviceGrainOptions _options;
    private readonly DeviceGrainMetrics _metrics;
    private readonly ILogger<DeviceGrain> _logger;
    private readonly ParameterCache _parameters = new();
    private readonly Dictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);

    // The task queue in its working form; State.Tasks holds its stored form, refreshed on every write.
    private List<DeviceTask> _tasks = [];

    // Something durable changed: written before the next reply.
    private bool _dirty;

    // Something minor changed: written with the next write, or on deactivation.
    private bool _lazyDirty;

    // A write failed half-way: nothing of this activation's memory may reach storage any more.
    private bool _discardMemory;

    public DeviceGrain(
        [PersistentState("device", CwmpStorageNames.Devices)] IPersistentState<DeviceState> state,
        IParameterStore parameterStore,
        IConnectionRequester connectionRequester,
        TimeProvider time,
        IOptions<DeviceGrainOptions> options,
        DeviceGrainMetrics metrics,
        ILogger<DeviceGrain> logger)
    {
        _state = state;
        _parameterStore = parameterStore;
        _connectionRequester = connectionRequester;
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
    }

    private DeviceState State => _state.State;

    private string DeviceKey => this.GetPrimaryKeyString();

    /// <summary>The device has informed at least once (the record describes a real device).</summary>
    private bool IsKnown => State.Oui is not null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The persistent-state facet read the record just before this: one round trip per activation.
        _metrics.StorageRoundTrip("read_state");
        if (!_state.RecordExists)
        {
            _parameters.MarkEmpty();
        }

        _tasks = [.. State.Tasks.Select(DeviceTask.FromStored)];

        // A previous activation died with a task on the wire: its attempt was stored when it was sent.
        foreach (DeviceTask task in _tasks.Where(t => t.State == DeviceTaskState.InFlight))
        {
            ReturnToQueue(task, _time.GetUtcNow());
            _lazyDirty = true;
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_session is not null)
        {
            // On shutdown the locator may be gone already; its entries expire by themselves.
            await CloseSessionAsync(SessionOutcome.Deactivated, replacement: null, persist: false);
        }

        ReleaseWaiters();
        if ((_dirty || _lazyDirty) && IsKnown && !_discardMemory)
        {
            try
            {
                await WriteStateAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDeactivationWriteFailed(e);
            }
        }
    }

    public Task<DeviceSummary?> GetSummaryAsync() => Task.FromResult(IsKnown ? BuildSummary() : null);

    public async Task<IReadOnlyList<CachedParameter>> GetParametersAsync(string pathPrefix)
    {
        await EnsureParametersLoadedAsync();
        return _parameters.Find(pathPrefix ?? string.Empty);
    }

    public async Task SetQuirksAsync(DeviceQuirks quirks)
    {
        ArgumentNullException.ThrowIfNull(quirks);
        State.Quirks = quirks;
        _dirty = true;
        await PersistAsync();
    }

    public async Task<IReadOnlyList<string>> UpdateTagsAsync(TagChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!IsKnown)
        {
            throw new InvalidOperationException($"Device {DeviceKey} has never informed; it has no tags to change.");
        }

        var tags = new SortedSet<string>(State.Tags, StringComparer.Ordinal);
        bool changed = false;
        foreach (string tag in change.Remove)
        {
            changed |= tags.Remove(tag);
        }

        foreach (string tag in change.Add)
        {
            changed |= tags.Add(DeviceTags.Validate(tag));
        }

        if (changed)
        {
            State.Tags = [.. tags];
            _dirty = true;
            await UpdateIndexAsync();
            await PersistAsync();
        }

        return [.. State.Tags];
    }

    public async Task ForgetAsync()
    {
        if (_session is not null)
        {
            await CloseSessionAsync(SessionOutcome.Forgotten, replacement: null, persist: false);
        }

        await RemoveFromIndexAsync();
        await _parameterStore.DeleteAsync(DeviceKey);
        _metrics.StorageRoundTrip("delete_parameters");
        await ForgetValueHistoryAsync();
        await _state.ClearStateAsync();
        _metrics.StorageRoundTrip("clear_state");
        _state.State = new DeviceState();
        _tasks = [];
        _parameters.Unload();
        _parameters.MarkEmpty();
        _dirty = _lazyDirty = false;
        ReleaseWaiters();
        LogForgotten(DeviceKey);
        DeactivateOnIdle();
    }

    private DeviceSummary BuildSummary()
    {
        DeviceState state = State;
        string root = state.DataModelRoot;
        return new DeviceSummary
        {
            DeviceKey = DeviceKey,
            Manufacturer = state.Manufacturer ?? string.Empty,
            Oui = state.Oui ?? string.Empty,
            ProductClass = state.ProductClass ?? string.Empty,
            SerialNumber = state.SerialNumber ?? string.Empty,
            DataModelRoot = root,
            CwmpVersion = state.CwmpVersion ?? string.Empty,
            SoftwareVersion = CurrentSoftwareVersion(),
            HardwareVersion = InformValueOf(root + "DeviceInfo.HardwareVersion"),
            ProvisioningCode = InformValueOf(root + "DeviceInfo.ProvisioningCode"),
            LastInformAt = state.LastInformAt,
            FirstSeenAt = state.FirstSeenAt,
            LastRemoteAddress = state.LastRemoteAddress,
            ConnectionRequestUrl = InformValueOf(root + "ManagementServer.ConnectionRequestURL"),
            Quirks = state.Quirks,
            LastEvents = [.. state.LastEvents],
            Tags = [.. state.Tags],
            SubscriberId = state.SubscriberId,
            InSession = _session is not null,
            PendingTasks = _tasks.Count(t => !t.IsFinal),
        };
    }

    /// <summary>The SoftwareVersion of the last Inform (what summaries, presets and campaigns judge by).</summary>
    private string? CurrentSoftwareVersion() => InformValueOf(State.DataModelRoot + "DeviceInfo.SoftwareVersion");

    private string? InformValueOf(string name) => State.InformValues.TryGetValue(name, out InformValue? value) ? value.Value : null;

    private async Task EnsureParametersLoadedAsync()
    {
        if (_parameters.IsLoaded)
        {
            return;
        }

        IReadOnlyList<CachedParameter> stored = await _parameterStore.LoadAsync(DeviceKey);
        _metrics.StorageRoundTrip("load_parameters");
        _parameters.Load(stored);
    }

    /// <summary>Writes the parameter changes and, when something durable changed, the state record.</summary>
    private async Task PersistAsync()
    {
        if (_parameters.HasChanges)
        {
            ParameterChanges changes = _parameters.TakeChanges();
            await _parameterStore.WriteAsync(DeviceKey, changes);
            _metrics.StorageRoundTrip("write_parameters");
        }

        if (_dirty)
        {
            await WriteStateAsync();
        }
    }

    private async Task WriteStateAsync()
    {
        PruneFinishedTasks();
        State.Tasks = [.. _tasks.Select(t => t.ToStored())];
        await _state.WriteStateAsync();
        _metrics.StorageRoundTrip("write_state");
        _dirty = _lazyDirty = false;
    }

    private void PruneFinishedTasks()
    {
        List<DeviceTask> tasks = _tasks;
        int excess = tasks.Count(t => t.IsFinal) - _options.MaxFinishedTasks;
        if (excess <= 0)
        {
            return;
        }

        foreach (DeviceTask old in tasks.Where(t => t.IsFinal).OrderBy(t => t.UpdatedAt ?? t.CreatedAt).Take(excess).ToList())
        {
            tasks.Remove(old);
        }
    }

    private SessionReply EnvelopeReply(CwmpEnvelope envelope) =>
        new(SessionReplyKind.Envelope, _session?.Id, envelope, State.Quirks);
}
