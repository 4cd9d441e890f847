using Cwmp.Grains.Index;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.Grains.Devices;

/// <summary>
/// The device's entry in the device index (issue 7): written when an indexed attribute changed, or when the last
/// Inform moved more than the index's granularity past the indexed one, so that an unchanged periodic Inform writes
/// nothing. The last written entry is kept in the state (<see cref="DeviceState.IndexedEntry"/>).
/// </summary>
internal sealed partial class DeviceGrain
{
    // Resolved once per activation; a silo without an index (some tests) indexes nothing.
    private (IDeviceIndex Index, TimeSpan Granularity)? _indexService;
    private bool _indexServiceResolved;

    private (IDeviceIndex Index, TimeSpan Granularity)? IndexService
    {
        get
        {
            if (!_indexServiceResolved)
            {
                _indexServiceResolved = true;
                if (ServiceProvider.GetService<IDeviceIndex>() is { } index)
                {
                    TimeSpan granularity = ServiceProvider.GetService<IOptions<DeviceIndexOptions>>()?.Value.LastInformGranularity ?? new DeviceIndexOptions().LastInformGranularity;
                    _indexService = (index, granularity);
                }
            }

            return _indexService;
        }
    }

    /// <summary>
    /// Brings the index up to date when it is behind. A failure does not fail the caller (the session goes on): it is
    /// logged and counted, and the entry is written again on the next change or Inform, because the stored entry is
    /// only updated once a write succeeded.
    /// </summary>
    private async Task UpdateIndexAsync()
    {
        if (IndexService is not { } service || !IsKnown)
        {
            return;
        }

        DeviceIndexEntry entry = BuildIndexEntry();
        DeviceIndexEntry? indexed = State.IndexedEntry?.ToEntry();
        if (indexed is not null && SameAttributes(indexed, entry) && !MovedPast(indexed.LastInformAt, entry.LastInformAt, service.Granularity))
        {
            return;
        }

        try
        {
            await service.Index.UpsertAsync(entry);
            _metrics.StorageRoundTrip("write_index");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.StorageRoundTrip("write_index_failed");
            LogIndexWriteFailed(e, DeviceKey);
            return;
        }

        // Stored with the next state write (at the latest on deactivation); lost, it costs one more index write.
        State.IndexedEntry = IndexedEntryState.From(entry);
        _lazyDirty = true;
    }

    /// <summary>Removes the device from the index; a failure fails the caller (Forget), which may be retried.</summary>
    private async Task RemoveFromIndexAsync()
    {
        if (IndexService is { } service && (IsKnown || State.IndexedEntry is not null))
        {
            await service.Index.RemoveAsync(DeviceKey);
            _metrics.StorageRoundTrip("remove_index");
        }
    }

    private DeviceIndexEntry BuildIndexEntry()
    {
        DeviceState state = State;
        string root = state.DataModelRoot;
        return new DeviceIndexEntry
        {
            DeviceKey = DeviceKey,
            Manufacturer = state.Manufacturer ?? string.Empty,
            Oui = state.Oui ?? string.Empty,
            ProductClass = state.ProductClass ?? string.Empty,
            SerialNumber = state.SerialNumber ?? string.Empty,
            SoftwareVersion = InformValueOf(root + "DeviceInfo.SoftwareVersion"),
            HardwareVersion = InformValueOf(root + "DeviceInfo.HardwareVersion"),
            Tags = [.. state.Tags],
            SubscriberId = state.SubscriberId,
            LastInformAt = state.LastInformAt,
            DataModelRoot = root,
        };
    }

    private static bool SameAttributes(DeviceIndexEntry a, DeviceIndexEntry b) =>
        a.DeviceKey == b.DeviceKey && a.Manufacturer == b.Manufacturer && a.Oui == b.Oui && a.ProductClass == b.ProductClass
        && a.SerialNumber == b.SerialNumber && a.SoftwareVersion == b.SoftwareVersion && a.HardwareVersion == b.HardwareVersion
        && a.SubscriberId == b.SubscriberId && a.DataModelRoot == b.DataModelRoot
        && a.Tags.SequenceEqual(b.Tags, StringComparer.Ordinal)
        && a.LastInformAt.HasValue == b.LastInformAt.HasValue;

    private static bool MovedPast(DateTimeOffset? indexed, DateTimeOffset? current, TimeSpan granularity) =>
        indexed is { } from && current is { } to && (to - from >= granularity || to < from);
}
