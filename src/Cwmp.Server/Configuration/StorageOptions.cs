namespace Cwmp.Server.Configuration;

/// <summary>Configuration section <c>Cwmp:Storage</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Cwmp:Storage";

    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>StackExchange.Redis connection string; required in <see cref="StorageMode.Redis"/> mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Embedded mode only; a relative path is resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Embedded mode only; 0 picks a free loopback port at start-up.</summary>
    public int EmbeddedPort { get; set; }

    /// <summary>Embedded mode only; each checkpoint lets Garnet drop the AOF written before it.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Embedded mode only; Garnet's hash index size (e.g. "16m"), empty for Garnet's default of 128m, which suits
    /// about 8 million keys but costs that much memory and twice that on disk for the two index checkpoints kept.
    /// </summary>
    public string? IndexSize { get; set; }

    /// <summary>
    /// Embedded mode only; when true Garnet answers a write only after its AOF record reached the file, so an
    /// acknowledged grain write survives a crash of this process.
    /// </summary>
    public bool AofCommitWait { get; set; } = true;
}
