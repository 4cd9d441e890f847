using Cwmp.Protocol;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Http;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// Answers the ACS's requests the way a TR-069 CPE must (TR-069 Annex A, checklist §2 and §3): parameter RPCs
/// against the device's data model, object creation and deletion, and the requests that act after the session
/// (Reboot, FactoryReset, transfers, ScheduleInform), which it records in <see cref="SessionEffects"/>.
/// </summary>
internal sealed class RpcResponder(SimulatedCpe cpe, SwarmContext context, SessionEffects effects)
{
    /// <summary>Most instances a device lets the ACS add (TR-069 fault 9004 beyond it).</summary>
    public const int MaxAddedInstances = 64;

    /// <summary>Most transfers a device queues at once.</summary>
    public const int MaxQueuedTransfers = 4;

    private static readonly string[] Methods10 =
    [
        "GetRPCMethods", "SetParameterValues", "GetParameterValues", "GetParameterNames", "SetParameterAttributes",
        "GetParameterAttributes", "AddObject", "DeleteObject", "Reboot", "Download", "Upload", "FactoryReset",
        "GetQueuedTransfers", "ScheduleInform",
    ];

    private static readonly string[] Methods12 = [.. Methods10, "GetAllQueuedTransfers", "ScheduleDownload", "CancelTransfer"];

    private DeviceModel Model => cpe.Model;

    public CwmpMessage Answer(CwmpRequest request)
    {
        if (request.MinimumVersion > cpe.Profile.Version)
        {
            return Fault(FaultCodes.CpeMethodNotSupported);
        }

        return request switch
        {
            GetRPCMethods => new GetRPCMethodsResponse(cpe.Profile.Version >= CwmpVersion.Version12 ? Methods12 : Methods10),
            GetParameterValues gpv => GetParameterValues(gpv),
            SetParameterValues spv => SetParameterValues(spv),
            GetParameterNames gpn => GetParameterNames(gpn),
            SetParameterAttributes spa => SetParameterAttributes(spa),
            GetParameterAttributes gpa => GetParameterAttributes(gpa),
            AddObject add => AddObject(add),
            DeleteObject delete => DeleteObject(delete),
            Reboot reboot => Reboot(reboot),
            Protocol.FactoryReset => FactoryReset(),
            Download download => QueueTransfer(true, download.CommandKey, download.FileType, download.Url, download.Username, download.Password, download.FileSize, download.TargetFileName, download.DelaySeconds, EventCodes.MDownload),
            ScheduleDownload scheduled => ScheduleDownload(scheduled),
            Upload upload => QueueTransfer(false, upload.CommandKey, upload.FileType, upload.Url, upload.Username, upload.Password, 0, string.Empty, upload.DelaySeconds, EventCodes.MUpload),
            ScheduleInform schedule => ScheduleInform(schedule),
            GetQueuedTransfers => new GetQueuedTransfersResponse(QueuedTransfers().Where(t => t.IsDownload).Select(t => new QueuedTransferStruct(t.CommandKey, t.State)).ToEquatableArray()),
            GetAllQueuedTransfers => new GetAllQueuedTransfersResponse(QueuedTransfers().Select(t => new AllQueuedTransferStruct(t.CommandKey, t.State, t.IsDownload, t.FileType, t.FileSize, t.TargetFileName)).ToEquatableArray()),
            CancelTransfer cancel => CancelTransfer(cancel),
            _ => Fault(FaultCodes.CpeMethodNotSupported),
        };
    }

    private static CwmpFault Fault(int code, string? text = null) => CwmpFault.Create(code, text);

    private CwmpMessage GetParameterValues(GetParameterValues request)
    {
        var result = new List<ParameterValueStruct>();
        foreach (string name in request.ParameterNames)
        {
            if (ParameterPath.IsPartial(name))
            {
                if (name.Length > 0 && !(Model.TryGet(name, out ParameterDefinition? obj) && obj.IsObject))
                {
                    return Fault(FaultCodes.InvalidParameterName, $"No object {name}");
                }

                foreach (ModelEntry entry in Model.Enumerate(name))
                {
                    if (!entry.Definition.IsObject)
                    {
                        result.Add(InformBuilder.ValueOf(cpe, Model, entry.Name, entry.Definition));
                    }
                }
            }
            else if (Model.TryGet(name, out ParameterDefinition? definition) && !definition.IsObject)
            {
                result.Add(InformBuilder.ValueOf(cpe, Model, name, definition));
            }
            else
            {
                return Fault(FaultCodes.InvalidParameterName, $"No parameter {name}");
            }
        }

        return new GetParameterValuesResponse([.. result]);
    }

    /// <summary>Atomic: every item is checked first; one bad item faults the whole request and nothing changes.</summary>
    private CwmpMessage SetParameterValues(SetParameterValues request)
    {
        var faults = new List<SetParameterValuesFault>();
        var accepted = new List<(string Name, string Value)>(request.ParameterList.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParameterValueStruct item in request.ParameterList)
        {
            if (!seen.Add(item.Name))
            {
                return Fault(FaultCodes.CpeInvalidArguments, $"{item.Name} appears more than once");
            }

            int code = ValueValidator.Validate(Model, item, out _, out string normalized);
            if (code == 0 && !CheckSpecial(item.Name, normalized))
            {
                code = FaultCodes.InvalidParameterValue;
            }

            if (code != 0)
            {
                faults.Add(new SetParameterValuesFault(item.Name, code, FaultCodes.Describe(code)));
            }
            else
            {
                accepted.Add((item.Name, normalized));
            }
        }

        if (faults.Count > 0)
        {
            return Fault(FaultCodes.CpeInvalidArguments) with { SetParameterValuesFaults = [.. faults] };
        }

        WellKnownNames names = cpe.Template.Names;
        foreach ((string name, string value) in accepted)
        {
            Model.SetValue(name, value);
            if (name.EndsWith(".DiagnosticsState", StringComparison.Ordinal) && value is "Requested" or "Canceled")
            {
                (effects.Diagnostics ??= []).Add((ParameterPath.Parent(name), value == "Canceled"));
            }

            if (name == names.PeriodicInformEnable || name == names.PeriodicInformInterval)
            {
                effects.PeriodicChanged = true;
            }

            if (name == names.ConnectionRequestUsername || name == names.ConnectionRequestPassword)
            {
                cpe.RefreshConnectionRequestCredentials();
                context.ConnectionRequestUsernameChanged(cpe, cpe.ConnectionRequestCredentials.Username);
            }
        }

        Model.SetValue(names.ParameterKey, request.ParameterKey);
        return new SetParameterValuesResponse(0);
    }

    /// <summary>Values the device refuses beyond their type: an ACS URL off loopback (the swarm never leaves this machine).</summary>
    private bool CheckSpecial(string name, string value) =>
        name != cpe.Template.Names.Url || LoopbackGuard.TryParseLoopback(value, out _);

    private CwmpMessage GetParameterNames(GetParameterNames request)
    {
        string path = request.ParameterPath;
        var result = new List<ParameterInfoStruct>();
        if (path.Length == 0)
        {
            if (request.NextLevel)
            {
                result.Add(new ParameterInfoStruct(cpe.Template.Root, false));
            }
            else
            {
                result.AddRange(Model.Enumerate(string.Empty).Select(Info));
            }

            return new GetParameterNamesResponse([.. result]);
        }

        if (!Model.TryGet(path, out ParameterDefinition? definition) || definition.IsObject != ParameterPath.IsPartial(path))
        {
            return Fault(FaultCodes.InvalidParameterName, $"No parameter or object {path}");
        }

        if (!definition.IsObject)
        {
            return request.NextLevel
                ? Fault(FaultCodes.CpeInvalidArguments, "NextLevel must be false for a parameter name")
                : new GetParameterNamesResponse([new ParameterInfoStruct(path, definition.Writable)]);
        }

        foreach (ModelEntry entry in Model.Enumerate(path))
        {
            if (request.NextLevel)
            {
                if (entry.Name.Length == path.Length)
                {
                    continue;
                }

                int dot = entry.Name.IndexOf('.', path.Length);
                if (dot >= 0 && dot != entry.Name.Length - 1)
                {
                    continue;
                }
            }

            result.Add(Info(entry));
        }

        return new GetParameterNamesResponse([.. result]);
    }

    private static ParameterInfoStruct Info(ModelEntry entry) => new(entry.Name, entry.Definition.Writable);

    private CwmpMessage SetParameterAttributes(SetParameterAttributes request)
    {
        var changes = new List<(string Name, byte? Notification, bool? Subscriber)>();
        foreach (SetParameterAttributesStruct item in request.ParameterList)
        {
            IEnumerable<string> names;
            if (ParameterPath.IsPartial(item.Name))
            {
                if (item.Name.Length > 0 && !(Model.TryGet(item.Name, out ParameterDefinition? obj) && obj.IsObject))
                {
                    return Fault(FaultCodes.InvalidParameterName, $"No object {item.Name}");
                }

                names = Model.Enumerate(item.Name).Where(e => !e.Definition.IsObject).Select(e => e.Name).ToList();
            }
            else if (Model.TryGet(item.Name, out ParameterDefinition? definition) && !definition.IsObject)
            {
                names = [item.Name];
            }
            else
            {
                return Fault(FaultCodes.InvalidParameterName, $"No parameter {item.Name}");
            }

            int maximum = cpe.Profile.Version >= CwmpVersion.Version14 ? 6 : 2;
            if (item.NotificationChange && (item.Notification < 0 || item.Notification > maximum))
            {
                return Fault(FaultCodes.CpeInvalidArguments, $"Notification {item.Notification} is out of range");
            }

            foreach (string name in names)
            {
                if (item.NotificationChange
                    && ((item.Notification == NotificationPolicy.Active && NotificationPolicy.RejectsActive(name))
                        || (item.Notification != NotificationPolicy.Active && NotificationPolicy.IsForcedActive(name))))
                {
                    return Fault(FaultCodes.NotificationRequestRejected, $"Notification {item.Notification} refused for {name}");
                }

                changes.Add((name, item.NotificationChange ? (byte)item.Notification : null, item.AccessListChange ? item.AccessList.AsSpan().Contains("Subscriber") : null));
            }
        }

        foreach ((string name, byte? notification, bool? subscriber) in changes)
        {
            Model.SetAttributes(name, notification, subscriber);
        }

        return new SetParameterAttributesResponse();
    }

    private CwmpMessage GetParameterAttributes(GetParameterAttributes request)
    {
        var result = new List<ParameterAttributeStruct>();
        foreach (string name in request.ParameterNames)
        {
            if (ParameterPath.IsPartial(name))
            {
                if (name.Length > 0 && !(Model.TryGet(name, out ParameterDefinition? obj) && obj.IsObject))
                {
                    return Fault(FaultCodes.InvalidParameterName, $"No object {name}");
                }

                result.AddRange(Model.Enumerate(name).Where(e => !e.Definition.IsObject).Select(e => Attributes(e.Name)));
            }
            else if (Model.TryGet(name, out ParameterDefinition? definition) && !definition.IsObject)
            {
                result.Add(Attributes(name));
            }
            else
            {
                return Fault(FaultCodes.InvalidParameterName, $"No parameter {name}");
            }
        }

        return new GetParameterAttributesResponse([.. result]);
    }

    private ParameterAttributeStruct Attributes(string name) =>
        new(name, Model.GetNotification(name), Model.HasSubscriberAccess(name) ? ["Subscriber"] : EquatableArray<string>.Empty);

    private CwmpMessage AddObject(AddObject request)
    {
        if (!Model.IsTable(request.ObjectName, out TableSchema schema) || !schema.Writable)
        {
            return Fault(FaultCodes.InvalidParameterName, $"{request.ObjectName} is not a table the ACS may add to");
        }

        if ((cpe.Overlay?.Added?.Count ?? 0) >= MaxAddedInstances)
        {
            return Fault(FaultCodes.CpeResourcesExceeded);
        }

        uint instance = Model.AddInstance(request.ObjectName);
        Model.SetValue(cpe.Template.Names.ParameterKey, request.ParameterKey);
        return new AddObjectResponse(instance, 0);
    }

    private CwmpMessage DeleteObject(DeleteObject request)
    {
        if (!ParameterPath.IsInstancePath(request.ObjectName, out string table, out _)
            || !Model.Exists(request.ObjectName)
            || !Model.IsTable(table, out TableSchema schema) || !schema.Writable)
        {
            return Fault(FaultCodes.InvalidParameterName, $"{request.ObjectName} is not an instance the ACS may delete");
        }

        Model.DeleteInstance(request.ObjectName);
        Model.SetValue(cpe.Template.Names.ParameterKey, request.ParameterKey);
        return new DeleteObjectResponse(0);
    }

    private RebootResponse Reboot(Reboot request)
    {
        effects.RebootCommandKey = request.CommandKey;
        return new RebootResponse();
    }

    private FactoryResetResponse FactoryReset()
    {
        effects.FactoryReset = true;
        return new FactoryResetResponse();
    }

    private CwmpMessage ScheduleDownload(ScheduleDownload request)
    {
        if (request.TimeWindowList.IsEmpty)
        {
            return Fault(FaultCodes.CpeInvalidArguments, "No time window");
        }

        return QueueTransfer(true, request.CommandKey, request.FileType, request.Url, request.Username, request.Password, request.FileSize, request.TargetFileName, request.TimeWindowList[0].WindowStart, EventCodes.MScheduleDownload);
    }

    private CwmpMessage QueueTransfer(bool isDownload, string commandKey, string fileType, string url, string username, string password, uint fileSize, string target, uint delaySeconds, string methodEvent)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return Fault(FaultCodes.CpeInvalidArguments, "The URL is not absolute");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return Fault(FaultCodes.UnsupportedTransferProtocol);
        }

        if (QueuedTransfers().Count() + (effects.Transfers?.Count ?? 0) >= MaxQueuedTransfers)
        {
            return Fault(FaultCodes.CpeResourcesExceeded);
        }

        (effects.Transfers ??= []).Add(new PendingTransfer
        {
            IsDownload = isDownload,
            CommandKey = commandKey,
            FileType = fileType,
            Url = url,
            Username = username,
            Password = password,
            FileSize = fileSize,
            TargetFileName = target,
            MethodEvent = methodEvent,
            DueTicks = context.TimeProvider.GetUtcNow().UtcTicks + (delaySeconds * TimeSpan.TicksPerSecond),
        });
        return methodEvent switch
        {
            EventCodes.MScheduleDownload => new ScheduleDownloadResponse(),
            EventCodes.MUpload => new UploadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown),
            _ => new DownloadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown),
        };
    }

    private IEnumerable<PendingTransfer> QueuedTransfers() =>
        (cpe.Extras?.Transfers ?? []).Concat(effects.Transfers ?? []);

    private CwmpMessage ScheduleInform(ScheduleInform request)
    {
        if (request.DelaySeconds == 0)
        {
            return Fault(FaultCodes.CpeInvalidArguments, "DelaySeconds must be greater than zero");
        }

        (effects.ScheduledInforms ??= []).Add((request.DelaySeconds, request.CommandKey));
        return new ScheduleInformResponse();
    }

    private CwmpMessage CancelTransfer(CancelTransfer request)
    {
        PendingTransfer? transfer = QueuedTransfers().FirstOrDefault(t => t.CommandKey == request.CommandKey);
        if (transfer is null)
        {
            return Fault(FaultCodes.CpeInvalidArguments, $"No transfer with CommandKey {request.CommandKey}");
        }

        if (transfer.State != 1)
        {
            return Fault(FaultCodes.CancelTransferNotPermitted);
        }

        cpe.Extras?.Transfers?.Remove(transfer);
        effects.Transfers?.Remove(transfer);
        return new CancelTransferResponse();
    }
}
