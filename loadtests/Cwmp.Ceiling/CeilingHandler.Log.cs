namespace Cwmp.Ceiling;

internal sealed partial class CeilingHandler
{
    [LoggerMessage(1, LogLevel.Warning, "Ceiling refused a {Method} request with {Status} ({Reason}); it answers only an Inform and the empty POST")]
    private static partial void LogRejected(ILogger logger, string method, int status, string reason);
}
