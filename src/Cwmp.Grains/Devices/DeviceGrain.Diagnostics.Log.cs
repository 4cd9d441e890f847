using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Devices;

internal sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Device {DeviceKey}: diagnostic {DiagnosticId} ({Kind}) requested on {ObjectPath} as task {TaskId}")]
    private partial void LogDiagnosticRequested(string deviceKey, string diagnosticId, DiagnosticKind kind, string objectPath, string taskId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Device {DeviceKey}: diagnostic {DiagnosticId} ({Kind}) ended {Status} (DiagnosticsState {DiagnosticsState}; {Reason})")]
    private partial void LogDiagnosticFinished(string deviceKey, string diagnosticId, DiagnosticKind kind, DiagnosticStatus status, string? diagnosticsState, string? reason);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Device {DeviceKey}: the value-change history could not be written")]
    private partial void LogValueHistoryWriteFailed(Exception exception, string deviceKey);
}
