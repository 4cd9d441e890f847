namespace Cwmp.Server.Hosting;

internal sealed partial class EmbeddedGarnetCheckpointService
{
    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning,
        Message = "Periodic checkpoints of the embedded store are disabled (Cwmp:Storage:CheckpointInterval <= 0): the AOF grows until shutdown")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Error, Message = "Periodic checkpoint of the embedded store failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
