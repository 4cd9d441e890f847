namespace Cwmp.Grains;

/// <summary>The names of the Orleans storage providers the grains use; the host registers providers under them.</summary>
public static class CwmpStorageNames
{
    /// <summary>Grain storage for each device's small state (identity, tasks, quirks, Inform values).</summary>
    public const string Devices = "cwmp-devices";

    /// <summary>The grain storage of the campaign grains and their shard workers.</summary>
    public const string Campaigns = "cwmp-campaigns";
}
