using Cwmp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cwmp.Gateway.Diagnostics;

/// <summary>Every log line of the gateway.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "CWMP POST from {RemoteAddress} not authenticated ({Reason}), username '{Username}': 401")]
    public static partial void AuthenticationFailed(this ILogger logger, string remoteAddress, string reason, string? username);

    [LoggerMessage(2, LogLevel.Warning, "CWMP {Method} from {RemoteAddress} authenticated as {AuthenticatedAs} but for device {DeviceKey}: 403, not forwarded")]
    public static partial void IdentityMismatch(this ILogger logger, string method, string remoteAddress, string authenticatedAs, string deviceKey);

    [LoggerMessage(3, LogLevel.Warning, "CWMP POST from {RemoteAddress} refused: body over the limit of {Limit} bytes (Content-Encoding {Coding}): 413")]
    public static partial void BodyTooLarge(this ILogger logger, string remoteAddress, int limit, string coding);

    [LoggerMessage(4, LogLevel.Warning, "CWMP POST from {RemoteAddress} refused: Content-Encoding '{Encoding}' is not supported: 415")]
    public static partial void UnsupportedEncoding(this ILogger logger, string remoteAddress, string encoding);

    [LoggerMessage(5, LogLevel.Warning, "CWMP POST from {RemoteAddress} refused: the {Coding} body is corrupt: 400")]
    public static partial void CorruptBody(this ILogger logger, string remoteAddress, string coding);

    [LoggerMessage(6, LogLevel.Warning, "CWMP POST from {RemoteAddress} did not parse ({Error}, RPC '{Method}', ID '{RequestId}'): {Detail}; answered {Answer}")]
    public static partial void ParseError(this ILogger logger, string remoteAddress, CwmpParseError error, string? method, string? requestId, string detail, string answer);

    [LoggerMessage(7, LogLevel.Warning, "Inform from {RemoteAddress} has no usable DeviceId (OUI '{Oui}', SerialNumber '{SerialNumber}'): fault 8003")]
    public static partial void InvalidDeviceId(this ILogger logger, string remoteAddress, string oui, string serialNumber);

    [LoggerMessage(8, LogLevel.Warning, "Inform of {DeviceKey} from {RemoteAddress} turned away: {Admitted} sessions admitted, the limit is {Limit}: 503, Retry-After {RetryAfter} s")]
    public static partial void AdmissionRejected(this ILogger logger, string deviceKey, string remoteAddress, int admitted, int limit, int retryAfter);

    [LoggerMessage(9, LogLevel.Warning, "CWMP {Method} from {RemoteAddress} belongs to no known session (no cookie, no session on its connection, no authenticated device, no single session of that address in the locator): 400")]
    public static partial void NoSession(this ILogger logger, string method, string remoteAddress);

    [LoggerMessage(10, LogLevel.Warning, "Device {DeviceKey} rejected CWMP {Method} of session '{SessionId}' from {RemoteAddress}: {Reason}: 400")]
    public static partial void Rejected(this ILogger logger, string deviceKey, string method, string? sessionId, string remoteAddress, string? reason);

    [LoggerMessage(11, LogLevel.Warning, "Device {DeviceKey} refused CWMP {Method} from {RemoteAddress} authenticated as '{AuthenticatedAs}': {Reason}: 403")]
    public static partial void Forbidden(this ILogger logger, string deviceKey, string method, string remoteAddress, string? authenticatedAs, string? reason);

    [LoggerMessage(12, LogLevel.Information, "Device {DeviceKey} is busy for CWMP {Method}: 503, Retry-After {RetryAfter} s")]
    public static partial void Busy(this ILogger logger, string deviceKey, string method, int retryAfter);

    [LoggerMessage(13, LogLevel.Error, "Device {DeviceKey} could not be reached for CWMP {Method} from {RemoteAddress}: 503, Retry-After {RetryAfter} s")]
    public static partial void GrainUnavailable(this ILogger logger, Exception exception, string deviceKey, string method, string remoteAddress, int retryAfter);

    [LoggerMessage(14, LogLevel.Warning, "The session locator of {RemoteAddress} failed ({Operation}); carrying on without it")]
    public static partial void LocatorFailed(this ILogger logger, Exception exception, string remoteAddress, string operation);

    [LoggerMessage(15, LogLevel.Debug, "CWMP POST from {RemoteAddress}: the client went away")]
    public static partial void ClientClosed(this ILogger logger, string remoteAddress);

    [LoggerMessage(16, LogLevel.Error, "CWMP POST from {RemoteAddress} failed unexpectedly")]
    public static partial void UnexpectedError(this ILogger logger, Exception exception, string remoteAddress);

    [LoggerMessage(17, LogLevel.Warning, "Cwmp:Auth:NonceSecret is not set: Digest nonces issued here are accepted by this gateway only")]
    public static partial void EphemeralNonceSecret(this ILogger logger);

    [LoggerMessage(19, LogLevel.Warning, "CWMP POST from {RemoteAddress}: broken HTTP framing of the body ({Detail}): {Status}")]
    public static partial void BadFraming(this ILogger logger, string remoteAddress, string detail, int status);

    [LoggerMessage(18, LogLevel.Error, "Device {DeviceKey} answered CWMP {Method} with an Envelope reply that holds no envelope: ending the session")]
    public static partial void EnvelopeMissing(this ILogger logger, string deviceKey, string method);
}
