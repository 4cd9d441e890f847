using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Cwmp.ConnectionRequests;

/// <summary>The log events of connection requests; every one names the device, none carries a password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: {Result} via {Transport} in {ElapsedMilliseconds} ms")]
    public static partial void Completed(ILogger logger, string deviceKey, ConnectionRequestResult result, string transport, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug,
        Message = "Connection request to {DeviceKey} not sent: the last one is less than {MinimumInterval} ago")]
    public static partial void Throttled(ILogger logger, string deviceKey, TimeSpan minimumInterval);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: ConnectionRequestURL '{Url}' is not usable ({Reason})")]
    public static partial void UnusableUrl(ILogger logger, string deviceKey, string url, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: UDPConnectionRequestAddress '{Address}' is not host:port")]
    public static partial void UnusableUdpAddress(ILogger logger, string deviceKey, string address);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning,
        Message = "Connection request to {DeviceKey} refused by the address policy: {Transport} host '{Host}' is {Address} ({Refusal})")]
    public static partial void AddressRefused(ILogger logger, string deviceKey, string transport, string host, IPAddress? address, AddressRefusal refusal);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: host '{Host}' could not be resolved ({Error})")]
    public static partial void ResolveFailed(ILogger logger, string deviceKey, string host, SocketError error);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: host '{Host}' resolved to no address")]
    public static partial void NameResolvedToNothing(ILogger logger, string deviceKey, string host);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey} failed: {Error} ({Detail})")]
    public static partial void HttpFailed(ILogger logger, string deviceKey, HttpRequestError error, string detail);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: no answer within {Timeout}")]
    public static partial void TimedOut(ILogger logger, string deviceKey, TimeSpan timeout);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: the CPE answered {StatusCode} (after our credentials: {AnsweredChallenge})")]
    public static partial void UnexpectedStatus(ILogger logger, string deviceKey, int statusCode, bool answeredChallenge);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information,
        Message = "Connection request to {DeviceKey}: 401 without a challenge we answer (Digest MD5/SHA-256, or Basic when allowed)")]
    public static partial void NoUsableChallenge(ILogger logger, string deviceKey);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Debug,
        Message = "UDP connection request to {DeviceKey}: {Copies} datagrams sent to {EndPoint}")]
    public static partial void UdpSent(ILogger logger, string deviceKey, int copies, IPEndPoint endPoint);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information,
        Message = "UDP connection request to {DeviceKey} could not be sent: {Error}")]
    public static partial void UdpSendFailed(ILogger logger, string deviceKey, SocketError error);
}
