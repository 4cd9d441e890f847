using System.Collections.Concurrent;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Parameter names shared by every parse in the process. An ACS hears the same few thousand names
/// ("Device.DeviceInfo.SoftwareVersion", …) from every device, in every Inform and every response; sharing them saves
/// a string per name per message while parsing, and one copy per device wherever the ACS keeps them.
/// </summary>
/// <remarks>
/// The pool only grows, so it is bounded: names longer than TR-069 allows are never added, and once
/// <see cref="Capacity"/> names are in, new names are returned as plain strings. Hostile input can therefore cost at
/// most the capacity's worth of memory, and only ever performance, never correctness.
/// </remarks>
internal static class ParameterNamePool
{
    /// <summary>Names kept at most: many data models' worth (a full TR-181 device has a few tens of thousands).</summary>
    public const int Capacity = 100_000;

    /// <summary>The longest name TR-069 allows (cwmp-1-2.xsd ParameterValueStruct/Name maxLength).</summary>
    public const int MaxNameLength = 256;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    /// <summary>The shared string equal to <paramref name="name"/>; a new one when the name is not (and cannot be) pooled.</summary>
    public static string Get(ReadOnlySpan<char> name)
    {
        if (NamesBySpan.TryGetValue(name, out string? shared))
        {
            return shared;
        }

        string created = new(name);
        if (name.Length <= MaxNameLength && Volatile.Read(ref _count) < Capacity && Names.TryAdd(created, created))
        {
            Interlocked.Increment(ref _count);
        }

        return created;
    }
}
