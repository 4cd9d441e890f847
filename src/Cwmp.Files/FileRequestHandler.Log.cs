using Microsoft.Extensions.Logging;

namespace Cwmp.Files;

internal sealed partial class FileRequestHandler
{
    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "File {FileId} served to device {DeviceKey} at {RemoteAddress}: {Status}, {Bytes} bytes")]
    private partial void LogDownloadServed(string fileId, string deviceKey, string remoteAddress, int status, long bytes);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Download of {FileId} from {RemoteAddress} refused: {Reason}")]
    private partial void LogDownloadRefused(string fileId, string remoteAddress, string reason);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Download of {FileId} by device {DeviceKey} at {RemoteAddress} aborted by the client")]
    private partial void LogDownloadAborted(string fileId, string deviceKey, string remoteAddress);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Upload {Name} of device {DeviceKey} from {RemoteAddress} refused: {Reason}")]
    private partial void LogUploadRefused(string deviceKey, string name, string remoteAddress, string reason);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "Upload {Name} of device {DeviceKey} from {RemoteAddress} aborted by the client")]
    private partial void LogUploadAborted(string deviceKey, string name, string remoteAddress);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Error, Message = "Upload {Name} of device {DeviceKey} could not be stored")]
    private partial void LogUploadFailed(Exception exception, string deviceKey, string name);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Warning, Message = "File port request for {Target} from {RemoteAddress} with username {Username} refused: {Reason}: 401")]
    private partial void LogDeviceChallenged(string target, string username, string remoteAddress, string reason);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Warning, Message = "File port request for {Target} from {RemoteAddress}: {Username} authenticated but is not device {DeviceKey} ({Reason}): 403")]
    private partial void LogDeviceForbidden(string target, string username, string deviceKey, string remoteAddress, string reason);
}
