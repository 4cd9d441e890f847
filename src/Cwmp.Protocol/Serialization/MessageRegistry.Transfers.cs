namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Reboot, FactoryReset, Download, ScheduleDownload, Upload, CancelTransfer, GetQueuedTransfers, GetAllQueuedTransfers, ScheduleInform, SetVouchers, GetOptions, ChangeDUState and their responses.</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> TransferReaders() =>
    [
        Entry("Reboot", Reboot.Read),
        Entry("RebootResponse", RebootResponse.Read),
        Entry("FactoryReset", FactoryReset.Read),
        Entry("FactoryResetResponse", FactoryResetResponse.Read),
        Entry("Download", Download.Read),
        Entry("DownloadResponse", DownloadResponse.Read),
        Entry("ScheduleDownload", ScheduleDownload.Read),
        Entry("ScheduleDownloadResponse", ScheduleDownloadResponse.Read),
        Entry("Upload", Upload.Read),
        Entry("UploadResponse", UploadResponse.Read),
        Entry("CancelTransfer", CancelTransfer.Read),
        Entry("CancelTransferResponse", CancelTransferResponse.Read),
        Entry("GetQueuedTransfers", GetQueuedTransfers.Read),
        Entry("GetQueuedTransfersResponse", GetQueuedTransfersResponse.Read),
        Entry("GetAllQueuedTransfers", GetAllQueuedTransfers.Read),
        Entry("GetAllQueuedTransfersResponse", GetAllQueuedTransfersResponse.Read),
        Entry("ScheduleInform", ScheduleInform.Read),
        Entry("ScheduleInformResponse", ScheduleInformResponse.Read),
        Entry("SetVouchers", SetVouchers.Read),
        Entry("SetVouchersResponse", SetVouchersResponse.Read),
        Entry("GetOptions", GetOptions.Read),
        Entry("GetOptionsResponse", GetOptionsResponse.Read),
        Entry("ChangeDUState", ChangeDUState.Read),
        Entry("ChangeDUStateResponse", ChangeDUStateResponse.Read),
    ];
}
