namespace Cwmp.Server.Configuration;

/// <summary>Where the Orleans Redis providers keep clustering, grain state and reminders.</summary>
internal enum StorageMode
{
    /// <summary>A Garnet server inside this process, persisted under <see cref="StorageOptions.DataDirectory"/>.</summary>
    Embedded,

    /// <summary>An external Redis (or Redis-compatible) deployment named by <see cref="StorageOptions.ConnectionString"/>.</summary>
    Redis,
}
