using Microsoft.Extensions.Logging;

namespace Cwmp.Files;

public sealed partial class DiskUploadStore
{
    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Upload {UploadId} of device {DeviceKey} stored: {Name}, {Size} bytes, sha256 {Sha256}")]
    private partial void LogUploadStored(string deviceKey, string name, string uploadId, long size, string sha256);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Upload {UploadId} of device {DeviceKey} deleted: the device is over its upload limit")]
    private partial void LogUploadPruned(string deviceKey, string uploadId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "The upload record {Path} is not valid JSON; the upload is skipped")]
    private partial void LogUnreadableRecord(Exception exception, string path);
}
