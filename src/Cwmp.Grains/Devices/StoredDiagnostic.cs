namespace Cwmp.Grains.Devices;

/// <summary>
/// A diagnostic record in the device's state, plain values only (like <see cref="StoredTask"/>) so that any storage
/// serializer writes it; the typed summary is computed from the results when the record is read.
/// </summary>
[GenerateSerializer, Alias("cwmp.StoredDiagnostic")]
internal sealed class StoredDiagnostic
{
    [Id(0)] public string Id { get; set; } = string.Empty;

    [Id(1)] public DiagnosticKind Kind { get; set; }

    [Id(2)] public string ObjectPath { get; set; } = string.Empty;

    [Id(3)] public DiagnosticStatus Status { get; set; }

    [Id(4)] public string? DiagnosticsState { get; set; }

    [Id(5)] public DateTimeOffset RequestedAt { get; set; }

    [Id(6)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(7)] public string RequestTaskId { get; set; } = string.Empty;

    /// <summary>The CPE accepted the SetParameterValues: the test runs, and its results are the next on this object.</summary>
    [Id(8)] public bool Accepted { get; set; }

    [Id(9)] public Dictionary<string, string> Arguments { get; set; } = new(StringComparer.Ordinal);

    [Id(10)] public Dictionary<string, string> Results { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public int? FaultCode { get; set; }

    [Id(12)] public string? FaultString { get; set; }

    [Id(13)] public string? Requester { get; set; }

    [Id(14)] public string? Reason { get; set; }

    public bool IsFinal => Status != DiagnosticStatus.Requested;
}
