using System.Collections.Frozen;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Which reader handles which RPC element. The entries are split by message family, one file each, so that each
/// family is added in one place.
/// </summary>
internal static partial class MessageRegistry
{
    private static readonly FrozenDictionary<string, Func<CwmpElementReader, CwmpMessage>> Readers =
        SessionReaders()
            .Concat(CpeRequestReaders())
            .Concat(ParameterReaders())
            .Concat(TransferReaders())
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every RPC element name the library reads.</summary>
    public static IEnumerable<string> MethodNames => Readers.Keys;

    public static bool TryGetReader(string localName, out Func<CwmpElementReader, CwmpMessage> reader) =>
        Readers.TryGetValue(localName, out reader!);

    private static KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>> Entry(string name, Func<CwmpElementReader, CwmpMessage> read) => new(name, read);
}
