using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cwmp.DataModel;
using Cwmp.Grains.Presets;
using Cwmp.Grains.Provisioning;
using Cwmp.Grains.Subscribers;
using Cwmp.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Provisioning (docs/provisioning.md, ADR 0006): on an Inform, the presets that match the device and are triggered
/// by the Inform's events are merged into a desired state; a pass compares it with the cached tree and queues only
/// what differs. When the session's queue runs dry, the answers are looked at and the next pass runs, so a preset
/// converges within one session where the CPE lets it; what the CPE refused is remembered and not sent again.
/// </summary>
internal sealed partial class DeviceGrain
{
    private const string FirstContactPresetName = "first-contact";

    private ProvisioningServices? _provisioning;
    private bool _provisioningResolved;

    // The events of the Inform that opened the session: triggers are decided once per session.
    private IReadOnlyCollection<string>? _provisioningEvents;
    private int _provisioningPasses;

    private ProvisioningServices? ProvisioningServices
    {
        get
        {
            if (!_provisioningResolved)
            {
                _provisioningResolved = true;
                _provisioning = ServiceProvider.GetService<ProvisioningServices>();
            }

            return _provisioning;
        }
    }

    private ProvisioningState Provisioning => State.Provisioning ??= new ProvisioningState();

    /// <summary>Hook at the end of an Inform: bootstrap handling, subscriber association, the first pass.</summary>
    private async Task ProvisionOnInformAsync(IReadOnlyList<string> codes, bool firstInform, DateTimeOffset now)
    {
        if (ProvisioningServices is not { } services)
        {
            return;
        }

        _provisioningEvents = codes;
        _provisioningPasses = 0;
        try
        {
            bool bootstrap = codes.Contains(EventCodes.Bootstrap, StringComparer.Ordinal);
            if (bootstrap)
            {
                StartFirstContact(services);
            }
            else if (codes.Contains(EventCodes.Boot, StringComparer.Ordinal))
            {
                // A reboot is a fair moment to try again what the CPE refused before (firmware failures excepted: a
                // failed image is not fetched again until the preset changes).
                ClearFailures(keepFirmware: true);
            }

            await AssociateSubscriberAsync(bootstrap || firstInform);
            bool mayBeUnchanged = !bootstrap && !codes.Contains(EventCodes.Boot, StringComparer.Ordinal) && !_parameters.HasChanges;
            await RunProvisioningPassAsync(services, now, mayBeUnchanged);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.Metrics.Pass("failed");
            LogProvisioningFailed(e, DeviceKey);
        }
    }

    /// <summary>Hook when the session's queue is empty: true when a pass queued something more.</summary>
    private async Task<bool> ContinueProvisioningAsync(DateTimeOffset now)
    {
        if (ProvisioningServices is not { } services || _provisioningEvents is null || Provisioning.OpenTasks.Count == 0 && !Provisioning.DiscoveryPending)
        {
            return false;
        }

        try
        {
            return await RunProvisioningPassAsync(services, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.Metrics.Pass("failed");
            LogProvisioningFailed(e, DeviceKey);
            return false;
        }
    }

    private void StartFirstContact(ProvisioningServices services)
    {
        ProvisioningState provisioning = Provisioning;
        provisioning.OpenTasks.Clear();
        provisioning.TablesReadAt.Clear();
        provisioning.CreatedInstances.Clear();
        provisioning.HiddenValues.Clear();
        provisioning.WalkQueue.Clear();
        provisioning.WalkRequests = 0;
        provisioning.RebootPending = false;
        ClearFailures(keepFirmware: false);
        FirstContactOptions options = services.Options.FirstContact;
        provisioning.FirstContactPending = options.Enabled;
        provisioning.DiscoveryPending = options.Enabled && options.DiscoverCapabilities;
        if (provisioning.DiscoveryPending)
        {
            provisioning.DiscoveryQueued = false;
            provisioning.DiscoveredAt = null;
            provisioning.RpcMethods = [];
        }

        _dirty = true;
    }

    private void ClearFailures(bool keepFirmware)
    {
        Dictionary<string, string> failures = Provisioning.Failures;
        foreach (string key in failures.Keys.Where(k => !keepFirmware || !k.StartsWith(ProvisioningPurpose.FirmwarePrefix, StringComparison.Ordinal)).ToList())
        {
            failures.Remove(key);
            _dirty = true;
        }
    }

    /// <summary>
    /// Zero-touch: a device without a subscriber, at its first contact (or when it reports a ProvisioningCode not looked
    /// up yet), claims the OSS's pre-registration by device key, then serial number, then ProvisioningCode.
    /// </summary>
    private async Task AssociateSubscriberAsync(bool firstContact)
    {
        if (State.SubscriberId is not null)
        {
            return;
        }

        string? code = InformValueOf(State.DataModelRoot + "DeviceInfo.ProvisioningCode");
        bool newCode = !string.IsNullOrEmpty(code) && !string.Equals(code, Provisioning.LookedUpProvisioningCode, StringComparison.Ordinal);
        if (!firstContact && !newCode)
        {
            return;
        }

        List<(SubscriberKeyKind Kind, string Value)> keys = [(SubscriberKeyKind.Device, DeviceKey)];
        if (!string.IsNullOrEmpty(State.SerialNumber))
        {
            keys.Add((SubscriberKeyKind.Serial, State.SerialNumber));
        }

        if (!string.IsNullOrEmpty(code))
        {
            keys.Add((SubscriberKeyKind.ProvisioningCode, code));
            Provisioning.LookedUpProvisioningCode = code;
            _dirty = true;
        }

        foreach ((SubscriberKeyKind kind, string value) in keys)
        {
            if (value.Length > SubscriberRegistrationKey.MaxValueLength)
            {
                continue;
            }

            SubscriberRegistration? registration = await GrainFactory.GetGrain<ISubscriberRegistrationGrain>(SubscriberRegistrationKey.For(kind, value)).ClaimAsync(DeviceKey);
            if (registration is null)
            {
                continue;
            }

            State.SubscriberId = registration.SubscriberId;
            var tags = new SortedSet<string>(State.Tags, StringComparer.Ordinal);
            tags.UnionWith(registration.Tags);
            State.Tags = [.. tags];
            _dirty = true;
            await UpdateIndexAsync();
            ProvisioningServices!.Metrics.Associated(kind.ToString().ToLowerInvariant());
            LogSubscriberAssociated(DeviceKey, registration.SubscriberId, kind);
            return;
        }
    }

    /// <summary>
    /// One pass: look at the answers to the last pass, then (when nothing of it is still open) queue the next step.
    /// True when something was queued.
    /// </summary>
    private async Task<bool> RunProvisioningPassAsync(ProvisioningServices services, DateTimeOffset now, bool mayBeUnchanged = false)
    {
        if (!HarvestProvisioningTasks(services, now) || _provisioningPasses >= services.Options.MaxPassesPerSession)
        {
            return false;
        }

        _provisioningPasses++;
        PresetSnapshot snapshot = await services.Presets.GetAsync();
        ProvisioningState provisioning = Provisioning;
        if (provisioning.FailuresVersion != snapshot.Version)
        {
            ClearFailures(keepFirmware: false);
            provisioning.FailuresVersion = snapshot.Version;
            _dirty = true;
        }

        if (provisioning.DiscoveryPending && QueueDiscovery(services, now))
        {
            services.Metrics.Pass("queued");
            return true;
        }

        IReadOnlyCollection<string> events = _provisioningEvents ?? [];
        List<Preset> triggered = [.. snapshot.Presets.Where(p => p.Enabled && PresetMatcher.IsTriggered(p.Triggers, events, now))];
        bool firstContact = provisioning.FirstContactPending;
        string convergedKey = ConvergedKey(snapshot, triggered);
        if (triggered.Count == 0 && !firstContact && !provisioning.RebootPending)
        {
            RememberConverged(convergedKey, now);
            return false;
        }

        if (mayBeUnchanged && !firstContact && !provisioning.RebootPending && provisioning.OpenTasks.Count == 0
            && string.Equals(provisioning.ConvergedKey, convergedKey, StringComparison.Ordinal)
            && !_tasks.Any(t => t.UpdatedAt > provisioning.ConvergedAt)
            && !triggered.Any(p => p.Actions.Refresh.Count > 0))
        {
            services.Metrics.Pass("unchanged");
            return false;
        }

        await EnsureParametersLoadedAsync();
        DesiredState desired = await DesiredStateAsync(services, snapshot, triggered, firstContact);
        bool queued = QueueDifferences(services, desired, now);
        if (!queued && firstContact)
        {
            provisioning.FirstContactPending = false;
            _dirty = true;
            LogFirstContactDone(DeviceKey);
        }

        if (!queued && provisioning.RebootPending)
        {
            provisioning.RebootPending = false;
            Queue(new Reboot("provisioning"), ProvisioningPurpose.Reboot, now);
            queued = true;
        }

        if (queued)
        {
            provisioning.ConvergedKey = null;
        }
        else
        {
            // Tags the presets changed are part of the key: taken after the pass.
            RememberConverged(ConvergedKey(snapshot, triggered), now);
        }

        services.Metrics.Pass(queued ? "queued" : "converged");
        if (queued)
        {
            LogProvisioningQueued(DeviceKey, desired.PresetNames, provisioning.OpenTasks.Count);
        }

        return queued;
    }

    private string ConvergedKey(PresetSnapshot snapshot, List<Preset> triggered)
    {
        string root = State.DataModelRoot;
        return string.Join(
            '\n',
            snapshot.Version.ToString(CultureInfo.InvariantCulture),
            string.Join(',', triggered.Select(p => p.Name)),
            string.Join(',', State.Tags),
            State.SubscriberId,
            CurrentSoftwareVersion(),
            InformValueOf(root + "DeviceInfo.HardwareVersion"),
            root);
    }

    private void RememberConverged(string key, DateTimeOffset now)
    {
        ProvisioningState provisioning = Provisioning;
        if (!string.Equals(provisioning.ConvergedKey, key, StringComparison.Ordinal) || _tasks.Any(t => t.UpdatedAt > provisioning.ConvergedAt))
        {
            provisioning.ConvergedKey = key;
            provisioning.ConvergedAt = now;

            // Losing it costs one full pass, no more: written with the next write.
            _lazyDirty = true;
        }
    }

    /// <summary>The matching presets merged; tags the presets add or remove are applied first (they may change what matches).</summary>
    private async Task<DesiredState> DesiredStateAsync(ProvisioningServices services, PresetSnapshot snapshot, List<Preset> triggered, bool firstContact)
    {
        DesiredState desired = new();
        bool tagsChanged = false;
        for (int round = 0; round < 3; round++)
        {
            DeviceFacts facts = Facts();
            List<Preset> matched = [.. triggered.Where(p => PresetMatcher.Matches(p.Criteria, facts))];
            if (firstContact)
            {
                matched.Add(FirstContactPreset(services, snapshot));
            }

            desired = DesiredState.Merge(matched, State.DataModelRoot);
            if (!ApplyDesiredTags(desired))
            {
                break;
            }

            tagsChanged = true;
        }

        if (tagsChanged)
        {
            await UpdateIndexAsync();
        }

        return desired;
    }

    private DeviceFacts Facts()
    {
        string root = State.DataModelRoot;
        return new DeviceFacts(
            State.Oui,
            State.Manufacturer,
            State.ProductClass,
            CurrentValue(root + "DeviceInfo.SoftwareVersion"),
            CurrentValue(root + "DeviceInfo.HardwareVersion"),
            State.Tags,
            State.SubscriberId,
            CurrentValue);
    }

    private string? CurrentValue(string name) => InformValueOf(name) ?? _parameters.Get(name)?.Value;

    private bool ApplyDesiredTags(DesiredState desired)
    {
        var tags = new SortedSet<string>(State.Tags, StringComparer.Ordinal);
        bool changed = false;
        foreach ((string tag, bool add) in desired.Tags)
        {
            changed |= add ? tags.Add(tag) : tags.Remove(tag);
        }

        if (changed)
        {
            State.Tags = [.. tags];
            _dirty = true;
        }

        return changed;
    }

    /// <summary>
    /// First contact as a preset of the lowest precedence: periodic Inform, connection request credentials, and the
    /// notification on every parameter some preset's criteria watch.
    /// </summary>
    private Preset FirstContactPreset(ProvisioningServices services, PresetSnapshot snapshot)
    {
        FirstContactOptions options = services.Options.FirstContact;
        string managementServer = State.DataModelRoot + "ManagementServer.";
        List<ParameterSetting> values = [];
        if (options.PeriodicInformInterval is { } interval)
        {
            values.Add(new ParameterSetting(managementServer + "PeriodicInformEnable", "true"));
            values.Add(new ParameterSetting(managementServer + "PeriodicInformInterval", interval.ToString(CultureInfo.InvariantCulture)));
        }

        if (options.GenerateConnectionRequestCredentials)
        {
            ProvisioningState provisioning = Provisioning;
            if (provisioning.ConnectionRequestUsername is null || provisioning.ConnectionRequestPassword is null)
            {
                provisioning.ConnectionRequestUsername = "cr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
                provisioning.ConnectionRequestPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _dirty = true;
            }

            values.Add(new ParameterSetting(managementServer + "ConnectionRequestUsername", provisioning.ConnectionRequestUsername));
            values.Add(new ParameterSetting(managementServer + "ConnectionRequestPassword", provisioning.ConnectionRequestPassword));
        }

        List<NotificationSetting> notifications = options.WatchedNotification is > 0 and <= 6
            ? [.. snapshot.Presets.Where(p => p.Enabled).SelectMany(p => p.Criteria.Parameters).Select(p => p.Path).Distinct(StringComparer.Ordinal)
                .Select(path => new NotificationSetting(path, options.WatchedNotification))]
            : [];
        return new Preset
        {
            Name = FirstContactPresetName,
            Precedence = int.MinValue,
            Actions = new PresetActions { Values = values, Notifications = notifications },
        };
    }

    /// <summary>Queues the next step towards <paramref name="desired"/>: firmware, then reads, then objects, then values and notifications.</summary>
    private bool QueueDifferences(ProvisioningServices services, DesiredState desired, DateTimeOffset now)
    {
        ProvisioningState provisioning = Provisioning;
        string reboot = desired.RebootAfterChanges ? ProvisioningPurpose.RebootMarker : string.Empty;

        // Firmware first, alone: what follows may depend on the new image's data model.
        if (desired.Firmware is ({ } firmware, string presetName))
        {
            string? running = CurrentValue(State.DataModelRoot + "DeviceInfo.SoftwareVersion");
            string failure = ProvisioningPurpose.FirmwareFailure(firmware.SoftwareVersion);
            if (string.Equals(running, firmware.SoftwareVersion, StringComparison.Ordinal))
            {
                provisioning.FirmwareInstalled = null;
            }
            else if (string.Equals(provisioning.FirmwareInstalled, firmware.SoftwareVersion, StringComparison.Ordinal) && !provisioning.Failures.ContainsKey(failure))
            {
                // The transfer succeeded, yet the device runs something else: sending the same image again would loop.
                provisioning.Failures[failure] = $"the Download completed, but the device reports {running}";
                services.Metrics.Refused("firmware_not_applied");
                LogProvisioningValueRefused(DeviceKey, State.DataModelRoot + "DeviceInfo.SoftwareVersion", provisioning.Failures[failure]);
            }
            else if (!provisioning.Failures.ContainsKey(failure))
            {
                string commandKey = Truncate("preset:" + presetName + ":" + firmware.SoftwareVersion, 32);
                Queue(
                    new Download(commandKey, firmware.FileType, firmware.Url, firmware.Username ?? string.Empty, firmware.Password ?? string.Empty, firmware.FileSize, firmware.TargetFileName ?? string.Empty),
                    ProvisioningPurpose.FirmwarePrefix + firmware.SoftwareVersion,
                    now);
                LogFirmwareQueued(DeviceKey, running, firmware.SoftwareVersion, presetName);
                return true;
            }
        }

        // Reads: stale values, tables whose instances are unknown, vendor parameters whose type is unknown.
        List<string> reads = [];
        foreach ((string path, TimeSpan maxAge) in desired.Refresh)
        {
            if (!provisioning.Failures.ContainsKey(ProvisioningPurpose.ReadFailure(path)) && IsStale(path, now - maxAge))
            {
                reads.Add(path);
            }
        }

        foreach (ObjectInstanceRule rule in desired.Objects.Values)
        {
            if (!provisioning.TablesReadAt.ContainsKey(rule.Table) && !provisioning.Failures.ContainsKey(ProvisioningPurpose.ReadFailure(rule.Table)))
            {
                reads.Add(rule.Table);
            }
        }

        foreach (ParameterSetting setting in desired.Values.Values)
        {
            if (setting.Type is null && DataModelPath.IsVendorExtension(setting.Path) && _parameters.Get(setting.Path)?.Type is null
                && !provisioning.Failures.ContainsKey(ProvisioningPurpose.ReadFailure(setting.Path)))
            {
                reads.Add(setting.Path);
            }
        }

        if (reads.Count > 0)
        {
            Queue(new GetParameterValues([.. reads.Distinct(StringComparer.Ordinal)]), ProvisioningPurpose.Read, now);
            return true;
        }

        // Objects: instances that must go, instances that must be created (their values follow once they exist).
        Dictionary<string, ParameterSetting> values = new(StringComparer.Ordinal);
        bool queued = false;
        bool created = false;
        foreach ((string identity, ObjectInstanceRule rule) in desired.Objects)
        {
            if (provisioning.Failures.ContainsKey(ProvisioningPurpose.ObjectFailure(identity)) || provisioning.Failures.ContainsKey(ProvisioningPurpose.ReadFailure(rule.Table)))
            {
                continue;
            }

            List<string> instances = InstancesMatching(rule);
            if (!rule.Present)
            {
                foreach (string instance in instances)
                {
                    Queue(new DeleteObject(instance, string.Empty), ProvisioningPurpose.DeletePrefix + identity + reboot, now);
                    queued = true;
                }

                continue;
            }

            string? target = instances.Count > 0 ? instances[0] : null;
            if (target is not null)
            {
                provisioning.CreatedInstances.Remove(identity);
            }
            else if (provisioning.CreatedInstances.TryGetValue(identity, out string? createdInstance) && _parameters.Find(createdInstance).Count > 0)
            {
                target = createdInstance;
            }
            else
            {
                Queue(new AddObject(rule.Table, string.Empty), ProvisioningPurpose.AddPrefix + identity + reboot, now);
                queued = created = true;
                continue;
            }

            foreach (ParameterSetting setting in rule.Keys.Concat(rule.Values))
            {
                values[target + setting.Path] = setting with { Path = target + setting.Path };
            }
        }

        if (created)
        {
            return true;
        }

        foreach ((string path, ParameterSetting setting) in desired.Values)
        {
            values[path] = setting;
        }

        List<ParameterValueStruct> changes = [.. values.Values.Select(s => ValueToSend(services, s)).OfType<ParameterValueStruct>()];
        if (changes.Count > 0)
        {
            Queue(new SetParameterValues([.. changes], string.Empty), ProvisioningPurpose.Values + reboot, now);
            queued = true;
        }

        List<SetParameterAttributesStruct> notifications = [];
        foreach ((string path, int notification) in desired.Notifications)
        {
            if (_parameters.Get(path)?.Notification != notification && !provisioning.Failures.ContainsKey(ProvisioningPurpose.NotifyFailure(path, notification)))
            {
                notifications.Add(new SetParameterAttributesStruct(path, true, notification, false, []));
            }
        }

        if (notifications.Count > 0)
        {
            Queue(new SetParameterAttributes([.. notifications]), ProvisioningPurpose.Notify + reboot, now);
            queued = true;
        }

        return queued;
    }

    /// <summary>The value to send when it differs from the cached one and may be sent; null otherwise (with the reason recorded).</summary>
    private ParameterValueStruct? ValueToSend(ProvisioningServices services, ParameterSetting setting)
    {
        ProvisioningState provisioning = Provisioning;
        string failureKey = ProvisioningPurpose.ValueFailure(setting.Path, setting.Value);
        if (provisioning.Failures.ContainsKey(failureKey))
        {
            return null;
        }

        CachedParameter? cached = _parameters.Get(setting.Path);
        bool vendor = DataModelPath.IsVendorExtension(setting.Path);
        ParameterDefinition? definition = vendor ? null : services.Catalog.FindParameter(setting.Path);
        if (definition?.Syntax.Hidden == true)
        {
            if (provisioning.HiddenValues.TryGetValue(setting.Path, out string? hash) && hash == Hash(setting.Value))
            {
                return null;
            }
        }
        else if (cached?.Value is { } current && PresetMatcher.SameValue(current, setting.Value))
        {
            return null;
        }

        if (cached?.Writable == false)
        {
            RefuseValue(services, failureKey, setting.Path, "read_only", "the CPE reports the parameter read-only");
            return null;
        }

        string? type = setting.Type ?? cached?.Type ?? definition?.Syntax.XsdType;
        ValidationResult result = services.Catalog.Validate(setting.Path, setting.Value, vendor ? type : null);
        if (!result.IsValid)
        {
            RefuseValue(services, failureKey, setting.Path, result.Rule.ToString().ToLowerInvariant(), result.Rule + ": " + result.Message);
            return null;
        }

        return new ParameterValueStruct(setting.Path, setting.Value, type ?? "xsd:string");
    }

    private void RefuseValue(ProvisioningServices services, string failureKey, string path, string reason, string text)
    {
        Provisioning.Failures[failureKey] = text;
        _dirty = true;
        services.Metrics.Refused(reason);
        LogProvisioningValueRefused(DeviceKey, path, text);
    }

    /// <summary>True when no value at or below <paramref name="path"/> was read since <paramref name="since"/>.</summary>
    private bool IsStale(string path, DateTimeOffset since)
    {
        if (!path.EndsWith('.'))
        {
            return _parameters.Get(path)?.ValueReadAt is not { } readAt || readAt < since;
        }

        DateTimeOffset? oldest = null;
        foreach (CachedParameter parameter in _parameters.Find(path))
        {
            if (!parameter.Name.EndsWith('.'))
            {
                if (parameter.ValueReadAt is not { } readAt)
                {
                    return true;
                }

                oldest = oldest is null || readAt < oldest ? readAt : oldest;
            }
        }

        return oldest is null || oldest < since;
    }

    /// <summary>The cached instances of the rule's table ("Device.WiFi.SSID.2.") whose key parameters all have the rule's values.</summary>
    private List<string> InstancesMatching(ObjectInstanceRule rule)
    {
        var instances = new SortedSet<string>(StringComparer.Ordinal);
        foreach (CachedParameter parameter in _parameters.Find(rule.Table))
        {
            int dot = parameter.Name.IndexOf('.', rule.Table.Length);
            if (dot > rule.Table.Length && uint.TryParse(parameter.Name.AsSpan(rule.Table.Length, dot - rule.Table.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                instances.Add(parameter.Name[..(dot + 1)]);
            }
        }

        return [.. instances.Where(instance => rule.Keys.All(key => _parameters.Get(instance + key.Path)?.Value is { } value && PresetMatcher.SameValue(value, key.Value)))];
    }

    /// <summary>First contact's discovery: GetRPCMethods, the supported data models, the parameter names (or their walk).</summary>
    private bool QueueDiscovery(ProvisioningServices services, DateTimeOffset now)
    {
        ProvisioningState provisioning = Provisioning;
        if (!provisioning.DiscoveryQueued)
        {
            Queue(new GetRPCMethods(), ProvisioningPurpose.RpcMethods, now);
            if (State.DataModelRoot == "Device.")
            {
                Queue(new GetParameterValues(["Device.DeviceInfo.SupportedDataModel."]), ProvisioningPurpose.DataModels, now);
            }

            Queue(new GetParameterNames(string.Empty, false), ProvisioningPurpose.Names, now);

            // Queued once: whatever the answers, the discovery is not queued again before the next bootstrap.
            provisioning.DiscoveryQueued = true;
            return true;
        }

        FirstContactOptions options = services.Options.FirstContact;
        int batch = 0;
        while (provisioning.WalkQueue.Count > 0 && provisioning.WalkRequests < options.MaxNameWalkRequests && batch < options.NameWalkBatch)
        {
            string path = provisioning.WalkQueue[0];
            provisioning.WalkQueue.RemoveAt(0);
            Queue(new GetParameterNames(path, true), ProvisioningPurpose.WalkPrefix + path, now);
            provisioning.WalkRequests++;
            batch++;
        }

        if (batch > 0)
        {
            return true;
        }

        provisioning.DiscoveryPending = false;
        provisioning.DiscoveredAt ??= now;
        provisioning.WalkQueue.Clear();
        _dirty = true;
        LogDiscoveryDone(DeviceKey, provisioning.RpcMethods.Count, _parameters.Count, provisioning.WalkRequests);
        return false;
    }

    private void Queue(CwmpRequest request, string purpose, DateTimeOffset now)
    {
        DeviceTask task = AddTask(request, ProvisioningPurpose.Requester, now);
        Provisioning.OpenTasks[task.Id] = purpose;
        _dirty = true;
    }

    /// <summary>
    /// Looks at the provisioning tasks that finished since the last pass; false while one is still open (in flight,
    /// waiting for a retry in a later session, a transfer or a reboot): the next pass waits for it.
    /// </summary>
    private bool HarvestProvisioningTasks(ProvisioningServices services, DateTimeOffset now)
    {
        ProvisioningState provisioning = Provisioning;
        bool open = false;
        foreach ((string id, string purpose) in provisioning.OpenTasks.ToList())
        {
            DeviceTask? task = FindTask(id);
            if (task is not null && !task.IsFinal)
            {
                open = true;
                continue;
            }

            provisioning.OpenTasks.Remove(id);
            _dirty = true;
            if (task is not null)
            {
                Harvest(services, task, purpose, now);
            }
        }

        return !open;
    }

    private void Harvest(ProvisioningServices services, DeviceTask task, string purpose, DateTimeOffset now)
    {
        ProvisioningState provisioning = Provisioning;
        bool done = task.State == DeviceTaskState.Done;
        bool reboot = purpose.EndsWith(ProvisioningPurpose.RebootMarker, StringComparison.Ordinal);
        string what = reboot ? purpose[..^ProvisioningPurpose.RebootMarker.Length] : purpose;
        string reason = task.Fault is { } fault ? string.Create(CultureInfo.InvariantCulture, $"{fault.FaultCode} {fault.FaultString}") : task.State.ToString();
        provisioning.RebootPending |= done && reboot;
        switch (task.Request)
        {
            case SetParameterValues set when what == ProvisioningPurpose.Values:
                if (done)
                {
                    foreach (ParameterValueStruct parameter in set.ParameterList.Where(p => !DataModelPath.IsVendorExtension(p.Name) && services.Catalog.FindParameter(p.Name)?.Syntax.Hidden == true))
                    {
                        provisioning.HiddenValues[parameter.Name] = Hash(parameter.Value);
                    }
                }
                else
                {
                    // A CPE that names the parameters at fault keeps the others for the next pass.
                    Dictionary<string, string> named = task.Fault is { } setFault
                        ? setFault.SetParameterValuesFaults.DistinctBy(f => f.ParameterName, StringComparer.Ordinal)
                            .ToDictionary(f => f.ParameterName, f => string.Create(CultureInfo.InvariantCulture, $"{f.FaultCode} {f.FaultString}"), StringComparer.Ordinal)
                        : new(StringComparer.Ordinal);
                    foreach (ParameterValueStruct parameter in set.ParameterList.Where(p => named.Count == 0 || named.ContainsKey(p.Name)))
                    {
                        string text = named.GetValueOrDefault(parameter.Name, reason);
                        provisioning.Failures[ProvisioningPurpose.ValueFailure(parameter.Name, parameter.Value)] = text;
                        services.Metrics.Refused("cpe_fault");
                        LogProvisioningValueRefused(DeviceKey, parameter.Name, text);
                    }
                }

                break;
            case GetParameterValues get when what == ProvisioningPurpose.Read:
                foreach (string name in get.ParameterNames)
                {
                    if (done)
                    {
                        if (name.EndsWith('.'))
                        {
                            provisioning.TablesReadAt[name] = now;
                        }
                    }
                    else
                    {
                        provisioning.Failures[ProvisioningPurpose.ReadFailure(name)] = reason;
                    }
                }

                break;
            case SetParameterAttributes attributes when what == ProvisioningPurpose.Notify && !done:
                foreach (SetParameterAttributesStruct attribute in attributes.ParameterList)
                {
                    provisioning.Failures[ProvisioningPurpose.NotifyFailure(attribute.Name, attribute.Notification)] = reason;
                }

                break;
            case AddObject add when what.StartsWith(ProvisioningPurpose.AddPrefix, StringComparison.Ordinal):
                string identity = what[ProvisioningPurpose.AddPrefix.Length..];
                if (done && task.Response is AddObjectResponse added)
                {
                    provisioning.CreatedInstances[identity] = AsObjectPath(add.ObjectName) + added.InstanceNumber.ToString(CultureInfo.InvariantCulture) + ".";
                }
                else
                {
                    provisioning.Failures[ProvisioningPurpose.ObjectFailure(identity)] = reason;
                }

                break;
            case DeleteObject when what.StartsWith(ProvisioningPurpose.DeletePrefix, StringComparison.Ordinal) && !done:
                provisioning.Failures[ProvisioningPurpose.ObjectFailure(what[ProvisioningPurpose.DeletePrefix.Length..])] = reason;
                break;
            case Download when what.StartsWith(ProvisioningPurpose.FirmwarePrefix, StringComparison.Ordinal):
                if (done)
                {
                    provisioning.FirmwareInstalled = what[ProvisioningPurpose.FirmwarePrefix.Length..];
                }
                else
                {
                    provisioning.Failures[what] = reason;
                }

                LogFirmwareFinished(DeviceKey, what[ProvisioningPurpose.FirmwarePrefix.Length..], reason);
                break;
            case GetRPCMethods when done && task.Response is GetRPCMethodsResponse methods:
                provisioning.RpcMethods = [.. methods.MethodList];
                break;
            case GetParameterNames when what == ProvisioningPurpose.Names:
                if (done)
                {
                    provisioning.DiscoveredAt = now;
                }
                else
                {
                    // The CPE refuses a full GetParameterNames: walk the tree one level at a time.
                    provisioning.WalkQueue = [State.DataModelRoot];
                    LogNameWalkStarted(DeviceKey, reason);
                }

                break;
            case GetParameterNames names when what.StartsWith(ProvisioningPurpose.WalkPrefix, StringComparison.Ordinal) && done && task.Response is GetParameterNamesResponse found:
                foreach (ParameterInfoStruct info in found.ParameterList)
                {
                    if (info.Name.EndsWith('.') && info.Name.Length > names.ParameterPath.Length && info.Name.StartsWith(names.ParameterPath, StringComparison.Ordinal))
                    {
                        provisioning.WalkQueue.Add(info.Name);
                    }
                }

                break;
        }
    }

    /// <summary>A password reads back empty (it is hidden): the pair first contact generated is then the one to use.</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
