namespace Cwmp.Grains;

/// <summary>
/// Where the value-change history of each device lives: per parameter, the newest values first, at most a bounded
/// number each. Only the device's grain writes; one call is one storage round trip.
/// </summary>
public interface IValueHistoryStore
{
    /// <summary>Adds values (in the order given, the last one the newest) and trims each parameter's list to <paramref name="maxPerParameter"/>.</summary>
    Task AppendAsync(string deviceKey, IReadOnlyList<ValueChangeEntry> changes, int maxPerParameter, CancellationToken cancellationToken = default);

    /// <summary>One parameter's values, newest first.</summary>
    Task<IReadOnlyList<ParameterValueChange>> ReadAsync(string deviceKey, string parameterName, CancellationToken cancellationToken = default);

    /// <summary>Drops a device's whole history.</summary>
    Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default);
}

/// <summary>One recorded value of one parameter.</summary>
public sealed record ValueChangeEntry(string Name, ParameterValueChange Change);
