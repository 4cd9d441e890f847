using Cwmp.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Value-change history: an Inform with "4 VALUE CHANGE" records, per parameter, each value that differs from the one
/// the ACS knew (the last Inform's copy, else the cached tree). That is every parameter the CPE notifies on (attribute
/// 1 or 2, set by anyone, even outside this ACS) and never an unchanged forced-inform parameter. The history lives in
/// an <see cref="IValueHistoryStore"/>; without one registered, nothing is recorded.
/// </summary>
internal sealed partial class DeviceGrain : IDeviceHistoryGrain
{
    /// <summary>Values kept per parameter.</summary>
    internal const int MaxValueHistory = 20;

    private IValueHistoryStore? HistoryStore => ServiceProvider.GetService<IValueHistoryStore>();

    public async Task<IReadOnlyList<ParameterValueChange>> GetValueHistoryAsync(string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        return HistoryStore is { } store ? await store.ReadAsync(DeviceKey, parameterName) : [];
    }

    /// <summary>Hook of <see cref="ApplyInformAsync"/>, before the Inform's values replace the known ones.</summary>
    private async Task RecordValueChangesAsync(IReadOnlyList<string> eventCodes, EquatableArray<ParameterValueStruct> parameters, DateTimeOffset now)
    {
        if (!eventCodes.Contains(EventCodes.ValueChange, StringComparer.Ordinal) || parameters.Count == 0 || HistoryStore is not { } store)
        {
            return;
        }

        List<ValueChangeEntry> changes = [];
        if (parameters.Any(p => !State.InformValues.ContainsKey(p.Name)))
        {
            await EnsureParametersLoadedAsync();
        }

        foreach (ParameterValueStruct parameter in parameters)
        {
            string? known = State.InformValues.TryGetValue(parameter.Name, out InformValue? informed) ? informed.Value : null;
            known ??= _parameters.Get(parameter.Name)?.Value;

            if (!string.Equals(known, parameter.Value, StringComparison.Ordinal))
            {
                changes.Add(new ValueChangeEntry(parameter.Name, new ParameterValueChange(parameter.Value, parameter.Type, now)));
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        // History is for operators, not part of the protocol: a failed write costs the history, never the session.
        try
        {
            await store.AppendAsync(DeviceKey, changes, MaxValueHistory);
            _metrics.StorageRoundTrip("append_history");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogValueHistoryWriteFailed(e, DeviceKey);
        }
    }

    /// <summary>Hook of <see cref="ForgetAsync"/>.</summary>
    private async Task ForgetValueHistoryAsync()
    {
        if (HistoryStore is { } store)
        {
            await store.DeleteAsync(DeviceKey);
            _metrics.StorageRoundTrip("delete_history");
        }
    }
}
