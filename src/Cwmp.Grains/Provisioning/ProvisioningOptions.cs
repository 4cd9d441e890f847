namespace Cwmp.Grains;

/// <summary>Settings of provisioning: presets, first contact and discovery (docs/provisioning.md).</summary>
public sealed class ProvisioningOptions
{
    /// <summary>The configuration section ("Cwmp:Provisioning").</summary>
    public const string SectionName = "Cwmp:Provisioning";

    /// <summary>
    /// How old a silo's copy of the presets may be before a device grain's Inform asks the registry whether it changed
    /// (one small call per silo per interval). Zero asks on every Inform.
    /// </summary>
    public TimeSpan PresetRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Provisioning passes in one session at most (each pass queues what the last answers made necessary).</summary>
    public int MaxPassesPerSession { get; set; } = 32;

    /// <summary>The folder of the BBF XML files; null for the nearest "shared/bbf" (see Cwmp.DataModel).</summary>
    public string? DataModelFolder { get; set; }

    public FirstContactOptions FirstContact { get; set; } = new();
}

/// <summary>What a device that reports "0 BOOTSTRAP" gets before any preset (the lowest precedence of all).</summary>
public sealed class FirstContactOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>ManagementServer.PeriodicInformEnable is set to true with this interval (seconds); null sets neither.</summary>
    public uint? PeriodicInformInterval { get; set; } = 3600;

    /// <summary>
    /// ManagementServer.ConnectionRequestUsername/Password: a fresh random pair per device (kept in the device's
    /// provisioning state), so that a leaked pair opens one device only.
    /// </summary>
    public bool GenerateConnectionRequestCredentials { get; set; } = true;

    /// <summary>The notification set on every parameter a preset's criteria watch (1 passive, 2 active; 0 sets none).</summary>
    public int WatchedNotification { get; set; } = 1;

    /// <summary>GetRPCMethods, the supported data models and the parameter names, once per bootstrap.</summary>
    public bool DiscoverCapabilities { get; set; } = true;

    /// <summary>GetParameterNames requests a NextLevel walk may send (for CPEs that refuse a full one).</summary>
    public int MaxNameWalkRequests { get; set; } = 200;

    /// <summary>GetParameterNames of a walk queued per pass.</summary>
    public int NameWalkBatch { get; set; } = 16;
}
