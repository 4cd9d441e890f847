namespace Cwmp.Grains;

/// <summary>
/// Where a device's cached parameter tree lives, in pieces (one entry per parameter), so that a change writes only the
/// changed entries and a session that needs no parameter never loads the tree (ADR 0003). Only the device's grain
/// calls it, so implementations need no concurrency control per device. Each call is one storage round trip.
/// </summary>
public interface IParameterStore
{
    /// <summary>The whole tree of a device (empty when nothing is stored).</summary>
    Task<IReadOnlyList<CachedParameter>> LoadAsync(string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>Applies changes in one round trip: optionally drop everything, then write and remove entries.</summary>
    Task WriteAsync(string deviceKey, ParameterChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Drops the whole tree of a device.</summary>
    Task DeleteAsync(string deviceKey, CancellationToken cancellationToken = default);
}
