namespace Cwmp.Grains;

/// <summary>A diagnostic to run on a device.</summary>
/// <param name="Arguments">What to run and with which inputs.</param>
/// <param name="ConnectionRequest">Wake the device now instead of waiting for its next session.</param>
/// <param name="Requester">Who asked (kept on the record and on the SetParameterValues task).</param>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticRequest")]
public sealed record DiagnosticRequest(
    [property: Id(0)] DiagnosticArguments Arguments,
    [property: Id(1)] bool ConnectionRequest = false,
    [property: Id(2)] string? Requester = null);

/// <summary>What <see cref="IDeviceDiagnosticsGrain.RequestDiagnosticAsync"/> did.</summary>
/// <param name="Diagnostic">The new record (status Requested).</param>
/// <param name="ConnectionRequest">What the connection request did, when one was asked for.</param>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticStarted")]
public sealed record DiagnosticStarted(
    [property: Id(0)] DiagnosticRecord Diagnostic,
    [property: Id(1)] ConnectionRequestOutcome? ConnectionRequest);
