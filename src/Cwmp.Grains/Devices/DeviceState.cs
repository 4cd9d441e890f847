namespace Cwmp.Grains.Devices;

/// <summary>
/// The small state of one device, one grain-state record (ADR 0003): identity, data model, protocol version, quirks,
/// the values of its last Inform (to tell an unchanged Inform without reading the parameter tree), the events of the
/// last Inform, the task queue and the diagnostics it was asked to run. The parameter tree lives elsewhere, in pieces.
/// Plain values only (protocol messages as their XML text), so that any grain-storage serializer can write it: the
/// Orleans default for storage is JSON.
/// </summary>
[GenerateSerializer, Alias("cwmp.DeviceState")]
internal sealed class DeviceState
{
    [Id(0)] public string? Manufacturer { get; set; }

    [Id(1)] public string? Oui { get; set; }

    [Id(2)] public string? ProductClass { get; set; }

    [Id(3)] public string? SerialNumber { get; set; }

    [Id(4)] public string DataModelRoot { get; set; } = "Device.";

    [Id(5)] public string? CwmpVersion { get; set; }

    [Id(6)] public DeviceQuirks Quirks { get; set; } = DeviceQuirks.Default;

    /// <summary>Name → value and type of every parameter of the last Inform.</summary>
    [Id(7)] public Dictionary<string, InformValue> InformValues { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public List<string> LastEvents { get; set; } = [];

    [Id(9)] public DateTimeOffset? FirstSeenAt { get; set; }

    [Id(10)] public DateTimeOffset? LastInformAt { get; set; }

    [Id(11)] public string? LastRemoteAddress { get; set; }

    [Id(12)] public List<StoredTask> Tasks { get; set; } = [];

    [Id(13)] public long NextTaskNumber { get; set; } = 1;

    /// <summary>Diagnostics objects ("Device.IP.Diagnostics.IPPing.") set to Requested and not yet reported on.</summary>
    [Id(14)] public List<string> PendingDiagnostics { get; set; } = [];

    /// <summary>Operator tags, sorted, distinct (ordinal).</summary>
    [Id(15)] public List<string> Tags { get; set; } = [];

    /// <summary>The subscriber this device belongs to, when the OSS associated one.</summary>
    [Id(16)] public string? SubscriberId { get; set; }

    /// <summary>The entry last written to the device index (see DeviceGrain.Index.cs); null until the first write.</summary>
    [Id(17)] public IndexedEntryState? IndexedEntry { get; set; }

    /// <summary>The diagnostics requested through the grain, oldest first, bounded (DeviceGrain.Diagnostics.cs).</summary>
    [Id(18)] public List<StoredDiagnostic> Diagnostics { get; set; } = [];

    [Id(19)] public long NextDiagnosticNumber { get; set; } = 1;

    /// <summary>The job of the latest campaign that reached this device (DeviceGrain.Campaigns.cs).</summary>
    [Id(20)] public DeviceCampaignJob? CampaignJob { get; set; }

    /// <summary>What provisioning remembers between sessions (DeviceGrain.Provisioning.cs); null until it first runs.</summary>
    [Id(22)] public Provisioning.ProvisioningState? Provisioning { get; set; }
}

/// <summary>One parameter of the last Inform.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.InformValue")]
internal sealed record InformValue([property: Id(0)] string Value, [property: Id(1)] string Type);
