namespace Cwmp.Grains.Presets;

/// <summary>
/// The desired state a preset declares. The device grain compares it with its cached tree and sends only what
/// differs (docs/provisioning.md); nothing here is a script.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.PresetActions")]
public sealed record PresetActions
{
    public static readonly PresetActions None = new();

    /// <summary>Parameters that must have these values.</summary>
    [Id(0)] public IReadOnlyList<ParameterSetting> Values { get; init; } = [];

    /// <summary>Object instances that must exist (with values) or must not.</summary>
    [Id(1)] public IReadOnlyList<ObjectInstanceRule> Objects { get; init; } = [];

    /// <summary>Notification attributes (0 off, 1 passive, 2 active, 3–6 as TR-069 Amendment 6 defines).</summary>
    [Id(2)] public IReadOnlyList<NotificationSetting> Notifications { get; init; } = [];

    /// <summary>The software version the device must run, and the file that brings it.</summary>
    [Id(3)] public FirmwareTarget? Firmware { get; init; }

    /// <summary>Parameters (or subtrees) read again when the cached value is older than an age.</summary>
    [Id(4)] public IReadOnlyList<RefreshRule> Refresh { get; init; } = [];

    [Id(5)] public IReadOnlyList<string> AddTags { get; init; } = [];

    [Id(6)] public IReadOnlyList<string> RemoveTags { get; init; } = [];

    /// <summary>Reboot once after the preset changed something on the device (a value, an object, a notification).</summary>
    [Id(7)] public bool Reboot { get; init; }
}

/// <summary>One parameter's desired value; <see cref="Type"/> ("xsd:unsignedInt") when neither the data model nor the CPE tells it.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.ParameterSetting")]
public sealed record ParameterSetting(
    [property: Id(0)] string Path,
    [property: Id(1)] string Value,
    [property: Id(2)] string? Type = null);

/// <summary>
/// An instance of the table <see cref="Table"/> ("Device.WiFi.SSID.") identified by its <see cref="Keys"/> (key
/// parameters, or just "Alias"): when <see cref="Present"/>, it must exist and have <see cref="Values"/> (paths
/// relative to the instance: "Enable"); otherwise every instance with those keys must go.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.ObjectInstanceRule")]
public sealed record ObjectInstanceRule
{
    [Id(0)] public required string Table { get; init; }

    [Id(1)] public required IReadOnlyList<ParameterSetting> Keys { get; init; }

    [Id(2)] public IReadOnlyList<ParameterSetting> Values { get; init; } = [];

    [Id(3)] public bool Present { get; init; } = true;

    /// <summary>The rule's identity for merging: the table and its keys.</summary>
    public string Identity => Table + "[" + string.Join(",", Keys.Select(k => k.Path + "=" + k.Value)) + "]";
}

[GenerateSerializer, Immutable, Alias("cwmp.NotificationSetting")]
public sealed record NotificationSetting(
    [property: Id(0)] string Path,
    [property: Id(1)] int Notification);

/// <summary>
/// The software version a device must report in "…DeviceInfo.SoftwareVersion"; when it reports another, it gets a
/// Download of <see cref="Url"/> (once per version: a failed transfer is not retried until the preset changes).
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.FirmwareTarget")]
public sealed record FirmwareTarget
{
    public const string FirmwareFileType = "1 Firmware Upgrade Image";

    [Id(0)] public required string SoftwareVersion { get; init; }

    [Id(1)] public required string Url { get; init; }

    [Id(2)] public string FileType { get; init; } = FirmwareFileType;

    [Id(3)] public uint FileSize { get; init; }

    [Id(4)] public string? Username { get; init; }

    [Id(5)] public string? Password { get; init; }

    [Id(6)] public string? TargetFileName { get; init; }
}

/// <summary>Read <see cref="Path"/> (a parameter, or an object ending in ".") when its cached values are older than <see cref="MaxAge"/>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.RefreshRule")]
public sealed record RefreshRule(
    [property: Id(0)] string Path,
    [property: Id(1)] TimeSpan MaxAge);
