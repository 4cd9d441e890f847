namespace Cwmp.Server.Hosting;

/// <summary>The embedded Garnet's resolved settings: absolute folders and a concrete port.</summary>
internal sealed record EmbeddedGarnetSettings(
    string DataDirectory, int Port, TimeSpan CheckpointInterval, bool AofCommitWait, string? IndexSize = null)
{
    /// <summary>Garnet keeps its checkpoints and, with no tiered storage, its AOF below this folder.</summary>
    public string CheckpointDirectory => Path.Combine(DataDirectory, "garnet");

    public string ConnectionString => $"127.0.0.1:{Port}";
}
