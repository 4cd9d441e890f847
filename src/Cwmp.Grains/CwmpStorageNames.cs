namespace Cwmp.Grains;

/// <summary>The names of the Orleans storage providers the grains use; the host registers providers under them.</summary>
public static class CwmpStorageNames
{
    /// <summary>Grain storage for each device's small state (identity, tasks, quirks, Inform values).</summary>
    public const string Devices = "cwmp-devices";

    /// <summary>The grain storage of the campaign grains and their shard workers.</summary>
    public const string Campaigns = "cwmp-campaigns";

    /// <summary>The grain storage of the preset registry and the subscriber pre-registrations.</summary>
    public const string Provisioning = "cwmp-provisioning";
}
