namespace Cwmp.Grains;

/// <summary>The diagnostics a CPE runs when the ACS sets DiagnosticsState to "Requested" (TR-069 / TR-143).</summary>
[GenerateSerializer, Alias("cwmp.DiagnosticKind")]
public enum DiagnosticKind
{
    /// <summary>Device.IP.Diagnostics.IPPing. / InternetGatewayDevice.IPPingDiagnostics.</summary>
    IPPing = 0,

    /// <summary>Device.IP.Diagnostics.TraceRoute. / InternetGatewayDevice.TraceRouteDiagnostics.</summary>
    TraceRoute = 1,

    /// <summary>TR-143 download throughput: Device.IP.Diagnostics.DownloadDiagnostics. / InternetGatewayDevice.DownloadDiagnostics.</summary>
    DownloadDiagnostics = 2,

    /// <summary>TR-143 upload throughput: Device.IP.Diagnostics.UploadDiagnostics. / InternetGatewayDevice.UploadDiagnostics.</summary>
    UploadDiagnostics = 3,

    /// <summary>TR-143 UDP echo test: Device.IP.Diagnostics.UDPEchoDiagnostics. / InternetGatewayDevice.UDPEchoDiagnostics.</summary>
    UDPEcho = 4,

    /// <summary>TR-143 server selection: Device.IP.Diagnostics.ServerSelectionDiagnostics. / InternetGatewayDevice.ServerSelectionDiagnostics.</summary>
    ServerSelection = 5,
}
