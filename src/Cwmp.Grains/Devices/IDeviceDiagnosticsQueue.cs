namespace Cwmp.Grains.Devices;

/// <summary>
/// The part of <see cref="IDeviceDiagnosticsGrain.RequestDiagnosticAsync"/> that changes the device, called by the grain
/// on itself so that it is a turn of its own (the request itself interleaves, to send the connection request).
/// </summary>
[Alias("cwmp.IDeviceDiagnosticsQueue")]
internal interface IDeviceDiagnosticsQueue : IGrainWithStringKey
{
    [Alias("AddDiagnostic")]
    Task<DiagnosticQueued> AddDiagnosticAsync(DiagnosticRequest request);
}

/// <summary>The new record and whom to wake.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticQueued")]
internal sealed record DiagnosticQueued([property: Id(0)] DiagnosticRecord Record, [property: Id(1)] EnqueuePlan Plan);
