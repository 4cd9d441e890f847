using Cwmp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Devices;

/// <summary>The device grain's log messages. Routine session steps are Debug; what an operator should see is higher.</summary>
internal sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Device {DeviceKey}: session {SessionId} opened (CWMP {Version}, events [{Events}], from {RemoteAddress})")]
    private partial void LogSessionOpened(string deviceKey, string sessionId, CwmpVersion version, EventList events, string remoteAddress);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Device {DeviceKey}: session {SessionId} closed ({Outcome})")]
    private partial void LogSessionClosed(string deviceKey, string sessionId, SessionOutcome outcome);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Device {DeviceKey}: session {SessionId} timed out")]
    private partial void LogSessionExpired(string deviceKey, string sessionId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Device {DeviceKey}: no CWMP version in common (CPE supports '{Supported}', namespace {Namespace}): fault 8006")]
    private partial void LogVersionIncompatible(string deviceKey, string? supported, string @namespace);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Device {DeviceKey}: POST rejected: {Reason}")]
    private partial void LogPostRejected(string deviceKey, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Device {DeviceKey}: received an Inform of device {InformDeviceKey}; refused")]
    private partial void LogInformFromOtherDevice(string deviceKey, string informDeviceKey);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Device {DeviceKey}: 0 BOOTSTRAP, cached parameters, attributes and pending transfers dropped")]
    private partial void LogBootstrap(string deviceKey);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Device {DeviceKey}: storage is unavailable")]
    private partial void LogStorageUnavailable(Exception exception, string deviceKey);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Device state could not be written on deactivation")]
    private partial void LogDeactivationWriteFailed(Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Device {DeviceKey}: forgotten")]
    private partial void LogForgotten(string deviceKey);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Device {DeviceKey}: method {Method} is not supported: fault 8000")]
    private partial void LogMethodNotSupported(string deviceKey, string method);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Device {DeviceKey}: {Method} (cwmp:ID {Id}) answers no request in flight; ignored")]
    private partial void LogUnexpectedAnswer(string deviceKey, string method, string? id);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Device {DeviceKey}: the answer to task {TaskId} came with cwmp:ID {Id}")]
    private partial void LogAnswerIdMismatch(string deviceKey, string taskId, string id);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Device {DeviceKey}: {Count} task(s) queued by {Requester}")]
    private partial void LogTasksQueued(string deviceKey, int count, string? requester);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Debug, Message = "Device {DeviceKey}: task {TaskId} ({Method}) sent, attempt {Attempt}")]
    private partial void LogTaskSent(string deviceKey, string taskId, string method, int attempt);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Debug, Message = "Device {DeviceKey}: task {TaskId} ({Method}) answered: {State}")]
    private partial void LogTaskAnswered(string deviceKey, string taskId, string method, DeviceTaskState state);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Information, Message = "Device {DeviceKey}: task {TaskId} ({Method}) faulted with {FaultCode}: {State}")]
    private partial void LogTaskFaulted(string deviceKey, string taskId, string method, int faultCode, DeviceTaskState state);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Information, Message = "Device {DeviceKey}: TransferComplete for task {TaskId} (CommandKey '{CommandKey}', fault {FaultCode}): {State}")]
    private partial void LogTransferCompleted(string deviceKey, string taskId, string commandKey, int faultCode, DeviceTaskState state);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Warning, Message = "Device {DeviceKey}: TransferComplete with CommandKey '{CommandKey}' (fault {FaultCode}) matches no task")]
    private partial void LogTransferCompleteUnmatched(string deviceKey, string commandKey, int faultCode);

    [LoggerMessage(EventId = 1026, Level = LogLevel.Warning, Message = "Device {DeviceKey}: the Inform announced a transfer with CommandKey '{CommandKey}' but the session brought no TransferComplete")]
    private partial void LogTransferCompleteMissing(string deviceKey, string commandKey);

    [LoggerMessage(EventId = 1027, Level = LogLevel.Warning, Message = "Device {DeviceKey}: DUStateChangeComplete with CommandKey '{CommandKey}' matches no task")]
    private partial void LogDuStateChangeCompleteUnmatched(string deviceKey, string commandKey);

    [LoggerMessage(EventId = 1028, Level = LogLevel.Information, Message = "Device {DeviceKey}: autonomous transfer of '{FileType}' from {Url} ended with fault {FaultCode}")]
    private partial void LogAutonomousTransferComplete(string deviceKey, string fileType, string url, int faultCode);

    [LoggerMessage(EventId = 1029, Level = LogLevel.Information, Message = "Device {DeviceKey}: AutonomousDUStateChangeComplete with {Count} result(s)")]
    private partial void LogAutonomousDuStateChangeComplete(string deviceKey, int count);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Device {DeviceKey}: the CPE requests a download of '{FileType}'")]
    private partial void LogRequestDownload(string deviceKey, string fileType);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Debug, Message = "Device {DeviceKey}: diagnostics complete, results of {ObjectPath} queued as task {TaskId}")]
    private partial void LogDiagnosticsResultsQueued(string deviceKey, string objectPath, string taskId);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Warning, Message = "Device {DeviceKey}: 8 DIAGNOSTICS COMPLETE, but this ACS requested no diagnostics")]
    private partial void LogDiagnosticsCompleteUnrequested(string deviceKey);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Debug, Message = "Device {DeviceKey}: connection request: {Outcome}")]
    private partial void LogConnectionRequest(string deviceKey, ConnectionRequestOutcome outcome);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Warning, Message = "Device {DeviceKey}: the connection request failed")]
    private partial void LogConnectionRequestFailed(Exception exception, string deviceKey);


    /// <summary>An Inform's event codes, joined only when the message is written.</summary>
    private readonly record struct EventList(EquatableArray<EventStruct> Events)
    {
        public override string ToString() => string.Join(", ", Events.Select(e => e.EventCode));
    }
}
