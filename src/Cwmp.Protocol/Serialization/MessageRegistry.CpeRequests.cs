namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>TransferComplete, AutonomousTransferComplete, RequestDownload, DUStateChangeComplete, AutonomousDUStateChangeComplete, Kicked and their responses (CPE to ACS).</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> CpeRequestReaders() =>
    [
        Entry("TransferComplete", TransferComplete.Read),
        Entry("TransferCompleteResponse", TransferCompleteResponse.Read),
        Entry("AutonomousTransferComplete", AutonomousTransferComplete.Read),
        Entry("AutonomousTransferCompleteResponse", AutonomousTransferCompleteResponse.Read),
        Entry("RequestDownload", RequestDownload.Read),
        Entry("RequestDownloadResponse", RequestDownloadResponse.Read),
        Entry("DUStateChangeComplete", DUStateChangeComplete.Read),
        Entry("DUStateChangeCompleteResponse", DUStateChangeCompleteResponse.Read),
        Entry("AutonomousDUStateChangeComplete", AutonomousDUStateChangeComplete.Read),
        Entry("AutonomousDUStateChangeCompleteResponse", AutonomousDUStateChangeCompleteResponse.Read),
        Entry("Kicked", Kicked.Read),
        Entry("KickedResponse", KickedResponse.Read),
    ];
}
