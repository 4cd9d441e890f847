namespace Cwmp.Server.Hosting;

internal sealed partial class EmbeddedGarnetServer
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Embedded Garnet listening on {Endpoint} with data in {DataDirectory}: {Keys} keys recovered, started in {ElapsedMs:F0} ms")]
    private static partial void LogStarted(ILogger logger, string endpoint, string dataDirectory, long keys, double elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Embedded Garnet {Reason} checkpoint took {ElapsedMs:F0} ms; data folder now {Bytes} bytes")]
    private static partial void LogCheckpoint(ILogger logger, string reason, double elapsedMs, long bytes);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Embedded Garnet could not checkpoint at shutdown; the next start replays the AOF instead")]
    private static partial void LogShutdownCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Embedded Garnet stopped; data folder {DataDirectory} holds {Bytes} bytes")]
    private static partial void LogStopped(ILogger logger, string dataDirectory, long bytes);
}
