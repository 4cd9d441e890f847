namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>SetParameterValues, GetParameterValues, GetParameterNames, Set/GetParameterAttributes, AddObject, DeleteObject and their responses.</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> ParameterReaders() =>
    [
    ];
}
