namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>TransferComplete, AutonomousTransferComplete, RequestDownload, DUStateChangeComplete, AutonomousDUStateChangeComplete, Kicked and their responses (CPE to ACS).</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> CpeRequestReaders() =>
    [
    ];
}
