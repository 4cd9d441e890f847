using Microsoft.Extensions.Logging;

namespace Cwmp.Nbi.Diagnostics;

/// <summary>Every log line of the NBI (EventIds 5000–5099).</summary>
internal static partial class NbiLog
{
    [LoggerMessage(5000, LogLevel.Warning, "NBI {Method} {Path} from {RemoteAddress}: the API key is not valid: 401")]
    public static partial void InvalidApiKey(ILogger logger, string method, string path, string remoteAddress);

    [LoggerMessage(5001, LogLevel.Warning, "NBI {Method} {Path}: caller {Caller} with role {Role} refused: 403")]
    public static partial void Forbidden(ILogger logger, string caller, string role, string method, string path);

    [LoggerMessage(5002, LogLevel.Information, "NBI {Method} {Path} by {Caller}: {Status} {Detail}")]
    public static partial void Refused(ILogger logger, string method, string path, string caller, int status, string? detail);

    [LoggerMessage(5003, LogLevel.Error, "NBI {Method} {Path} by {Caller} failed: {Status}")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path, string caller, int status);

    [LoggerMessage(5004, LogLevel.Error, "NBI audit entry for {Method} {Path} by {Caller} could not be written")]
    public static partial void AuditFailed(ILogger logger, Exception exception, string method, string path, string caller);

    [LoggerMessage(5010, LogLevel.Warning,
        "NBI lab mode (Cwmp:Nbi:RequireAuthentication=false): EVERY caller of the northbound API is an ADMIN, without an API key. Never run like this outside a lab")]
    public static partial void LabMode(ILogger logger);

    [LoggerMessage(5011, LogLevel.Information, "NBI requires API keys: {Count} configured")]
    public static partial void KeysRequired(ILogger logger, int count);

    [LoggerMessage(5012, LogLevel.Warning, "NBI requires API keys but none is configured under Cwmp:Nbi:ApiKeys: every call is refused with 401")]
    public static partial void NoKeys(ILogger logger);
}
