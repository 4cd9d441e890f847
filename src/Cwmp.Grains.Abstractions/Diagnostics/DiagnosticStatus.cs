namespace Cwmp.Grains;

/// <summary>Where a diagnostic is. The CPE's own word is in <see cref="DiagnosticRecord.DiagnosticsState"/>.</summary>
[GenerateSerializer, Alias("cwmp.DiagnosticStatus")]
public enum DiagnosticStatus
{
    /// <summary>Queued, sent, or accepted and running: results follow 8 DIAGNOSTICS COMPLETE.</summary>
    Requested = 0,

    /// <summary>The CPE reported "Complete" (or TR-143's "Completed"); the results are in.</summary>
    Complete = 1,

    /// <summary>The CPE reported "Canceled", a later request replaced it, the task was cancelled, or the CPE bootstrapped.</summary>
    Canceled = 2,

    /// <summary>The CPE reported an "Error…" state, or the SetParameterValues or the read of the results failed (see Fault).</summary>
    Error = 3,
}
