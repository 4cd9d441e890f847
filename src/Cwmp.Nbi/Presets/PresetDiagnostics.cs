using System.Diagnostics.Metrics;
using Cwmp.Nbi.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cwmp.Nbi.Presets;

/// <summary>
/// A preset or registration the NBI refused: a log line naming the fields and rules, and a counter
/// ("cwmp.nbi.provisioning.rejected", tag "kind"), on top of the request log and error counter every NBI call gets.
/// </summary>
internal sealed partial class PresetDiagnostics
{
    private readonly Counter<long> _rejected;
    private readonly ILogger<PresetDiagnostics> _logger;

    public PresetDiagnostics(IMeterFactory meterFactory, ILogger<PresetDiagnostics> logger)
    {
        _rejected = meterFactory.Create(NbiDiagnostics.MeterName).CreateCounter<long>(
            "cwmp.nbi.provisioning.rejected", "{request}", "Presets and subscriber registrations refused as invalid, by kind.");
        _logger = logger;
    }

    public void PresetRejected(string name, string errors)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", "preset"));
        LogPresetRejected(_logger, name, errors);
    }

    public void RegistrationRejected(string key, string errors)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("kind", "subscriber"));
        LogRegistrationRejected(_logger, key, errors);
    }

    [LoggerMessage(5080, LogLevel.Warning, "NBI preset {Name} refused: {Errors}")]
    private static partial void LogPresetRejected(ILogger logger, string name, string errors);

    [LoggerMessage(5081, LogLevel.Warning, "NBI subscriber registration {Key} refused: {Errors}")]
    private static partial void LogRegistrationRejected(ILogger logger, string key, string errors);
}
