namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Inform and GetRPCMethods, both ways.</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> SessionReaders() =>
    [
        Entry("Inform", Inform.Read),
        Entry("InformResponse", InformResponse.Read),
        Entry("GetRPCMethods", GetRPCMethods.Read),
        Entry("GetRPCMethodsResponse", GetRPCMethodsResponse.Read),
    ];
}
