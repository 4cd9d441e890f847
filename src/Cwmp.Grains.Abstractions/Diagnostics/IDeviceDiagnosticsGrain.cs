namespace Cwmp.Grains;

/// <summary>
/// Diagnostics of one device: the same grain as <see cref="IDeviceGrain"/> (same key, same activation), reached through
/// <c>GetGrain&lt;IDeviceDiagnosticsGrain&gt;(deviceKey)</c>.
/// </summary>
[Alias("cwmp.IDeviceDiagnosticsGrain")]
public interface IDeviceDiagnosticsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues one SetParameterValues that sets the inputs and DiagnosticsState=Requested on the device's own root
    /// (Device:2 or InternetGatewayDevice:1), and a record that follows it to the results.
    /// </summary>
    /// <exception cref="ArgumentException">Missing or invalid input, or an input the device's data model lacks.</exception>
    /// <exception cref="InvalidOperationException">The device has never informed (its data model is unknown).</exception>
    [Alias("RequestDiagnostic")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<DiagnosticStarted> RequestDiagnosticAsync(DiagnosticRequest request);

    /// <summary>
    /// The diagnostic once it is no longer Requested (results, Canceled or Error), or as it is when
    /// <paramref name="wait"/> ends; null when the device has none with that id.
    /// </summary>
    [Alias("WaitForDiagnostic")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<DiagnosticRecord?> WaitForDiagnosticAsync(string diagnosticId, TimeSpan wait);

    /// <summary>One diagnostic, or null when the device has none with that id.</summary>
    [Alias("GetDiagnostic")]
    Task<DiagnosticRecord?> GetDiagnosticAsync(string diagnosticId);

    /// <summary>The device's diagnostics, newest first (the last 20).</summary>
    [Alias("GetDiagnostics")]
    Task<IReadOnlyList<DiagnosticRecord>> GetDiagnosticsAsync();
}
