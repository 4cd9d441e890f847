using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>
/// Grain storage in a dictionary of serialized records, written with the silo's grain-storage serializer (as the
/// Redis provider does), with ETag checks. Unlike Orleans' memory provider it is not built on grains, so a grain can
/// still write its state while the silo shuts down.
/// </summary>
internal sealed class SerializingMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (BinaryData Data, string ETag)> _records = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out (BinaryData Data, string ETag) record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        (BinaryData, string) record = (serializer.Serialize(grainState.State), etag);
        (string, GrainId) key = (stateName, grainId);
        bool stored = grainState.ETag is null
            ? _records.TryAdd(key, record)
            : _records.TryGetValue(key, out (BinaryData Data, string ETag) current) && current.ETag == grainState.ETag && _records.TryUpdate(key, record, current);
        if (!stored)
        {
            throw new InconsistentStateException($"ETag mismatch writing {stateName} of {grainId}.");
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }
}
