using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>One diagnostic a device was asked to run, and what came of it.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticRecord")]
public sealed record DiagnosticRecord
{
    /// <summary>"diag-{n}", unique per device.</summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required DiagnosticKind Kind { get; init; }

    /// <summary>The diagnostics object on the device's root ("Device.IP.Diagnostics.IPPing.").</summary>
    [Id(2)] public required string ObjectPath { get; init; }

    [Id(3)] public required DiagnosticStatus Status { get; init; }

    /// <summary>The DiagnosticsState the CPE reported with the results ("Complete", "Error_CannotResolveHostName", …); null before.</summary>
    [Id(4)] public string? DiagnosticsState { get; init; }

    [Id(5)] public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the status left Requested.</summary>
    [Id(6)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The SetParameterValues task that starts it (see IDeviceGrain.GetTaskAsync).</summary>
    [Id(7)] public required string RequestTaskId { get; init; }

    /// <summary>The inputs the SetParameterValues set, full name → value (DiagnosticsState last).</summary>
    [Id(8)] public required IReadOnlyDictionary<string, string> Arguments { get; init; }

    /// <summary>Every value the CPE reported under the object, full name → value (at most 500).</summary>
    [Id(9)] public IReadOnlyDictionary<string, string> Results { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The results in typed form, when complete.</summary>
    [Id(10)] public DiagnosticSummary? Summary { get; init; }

    /// <summary>Why it ended in Error or Canceled without the CPE saying so (a fault, a replacement, a bootstrap).</summary>
    [Id(11)] public CwmpFault? Fault { get; init; }

    [Id(12)] public string? Requester { get; init; }

    /// <summary>A reason in words for Canceled or Error that did not come from the CPE's DiagnosticsState.</summary>
    [Id(13)] public string? Reason { get; init; }
}
