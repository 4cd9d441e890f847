using Microsoft.Extensions.Logging;

namespace Cwmp.Files;

public sealed partial class DiskFileStore
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "File {FileId} added: {FileType}, {Size} bytes, sha256 {Sha256}")]
    private partial void LogFileAdded(string fileId, string fileType, long size, string sha256);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "File {FileId} deleted")]
    private partial void LogFileDeleted(string fileId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The sidecar {Path} is not valid metadata JSON; the file is skipped")]
    private partial void LogUnreadableSidecar(Exception exception, string path);
}
