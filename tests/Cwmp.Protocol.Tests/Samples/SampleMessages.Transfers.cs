using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

internal static partial class SampleMessages
{
    private static readonly CwmpDateTime TransferStart = CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 16, 0, TimeSpan.Zero));
    private static readonly CwmpDateTime TransferEnd = CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 18, 42, TimeSpan.Zero));

    private static IEnumerable<CwmpMessage> Transfers() =>
    [
        new Reboot("reboot&<>\"'-42"),
        new Reboot(),
        new RebootResponse(),
        new FactoryReset(),
        new FactoryResetResponse(),

        new Download(
            "fw&<>\"'-2026-11",
            "1 Firmware Upgrade Image",
            "https://fw.example.net/images/BM632w.bin?sig=a&b=<c>\"d\"",
            "acs&<>\"user",
            "p&<>\"w'd",
            16_777_216,
            "BM632w&<>.bin",
            30,
            "http://portal.example.net/ok?x=1&y=\"2\"",
            "http://portal.example.net/fail?<reason>"),
        new Download("", "3 Vendor Configuration File", "", "", "", 0, "", 0, "", ""),
        new Download("cfg", "X 00D09E Vendor Blob", "http://files.example.net/blob"),
        new DownloadResponse(0, TransferStart, TransferEnd),
        new DownloadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown),

        new Upload("log&<>\"'-7", "2 Vendor Log File", "ftp://logs.example.net/in/<sn>&\"x\"", "up&<>\"", "pw&<>\"", 15),
        new Upload("", "1 Vendor Configuration File", "", "", "", 0),
        new UploadResponse(0, TransferStart, TransferEnd),
        new UploadResponse(1),

        new ScheduleDownload(
            "sd&<>\"'-1",
            "1 Firmware Upgrade Image",
            "https://fw.example.net/images/BM632w.bin?a=1&b=2",
            "acs&<>\"user",
            "p&<>\"w",
            8_388_608,
            "BM632w.bin",
            [
                new TimeWindowStruct(0, 3600, "3 When Idle", "", -1),
                new TimeWindowStruct(7200, 14400, "4 Confirmation Needed", "Upgrade now? <Firmware> & \"reboot\"", 3),
            ]),
        new ScheduleDownload("", "2 Web Content", "", "", "", 0, "", [new TimeWindowStruct(0, 0, "2 Immediately")]),
        new ScheduleDownloadResponse(),
        new CancelTransfer("sd&<>\"'-1"),
        new CancelTransfer(""),
        new CancelTransferResponse(),

        new GetQueuedTransfers(),
        new GetQueuedTransfersResponse(
        [
            new QueuedTransferStruct("fw&<>\"'-2026-11", 1),
            new QueuedTransferStruct("", 2),
            new QueuedTransferStruct("cfg", 3),
        ]),
        new GetQueuedTransfersResponse([]),
        new GetAllQueuedTransfers(),
        new GetAllQueuedTransfersResponse(
        [
            new AllQueuedTransferStruct("fw&<>\"'-2026-11", 2, true, "1 Firmware Upgrade Image", 16_777_216, "BM632w&<>.bin"),
            new AllQueuedTransferStruct("", 1, false, "4 Vendor Log File", 0, ""),
            new AllQueuedTransferStruct("cfg", 3, true, "X 00D09E Vendor Blob", 1024, "blob.bin"),
        ]),
        new GetAllQueuedTransfersResponse([]),

        new ScheduleInform(300, "si&<>\"'-3"),
        new ScheduleInform(0),
        new ScheduleInformResponse(),

        new SetVouchers(["PFZvdWNoZXI+PFNOPjE8L1NOPjwvVm91Y2hlcj4=", "AAECAwQFBgcICQ=="]),
        new SetVouchers(["AA=="]),
        new SetVouchersResponse(),
        new GetOptions("X_00D09E_Option&<>\"'"),
        new GetOptions(),
        new GetOptionsResponse(
        [
            new OptionStruct("X_00D09E_Voip&<>\"", 1001, 3, 1, TransferStart, TransferEnd, 1),
            new OptionStruct("X_00D09E_Iptv", 1002, 0, 2, CwmpDateTime.Unknown, null, 0),
        ]),
        new GetOptionsResponse([]),

        new ChangeDUState(
        [
            new InstallOperation(
                "https://du.example.net/apps/speedtest.ipk?v=2&arch=arm",
                "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
                "du&<>\"user",
                "du&<>\"pw",
                "Device.SoftwareModules.ExecEnv.1."),
            new UpdateOperation(
                "6BA7B811-9DAD-11D1-80B4-00C04FD430C8",
                "2.1.0-rc<1>&\"",
                "https://du.example.net/apps/speedtest-2.ipk",
                "du&<>\"user",
                "du&<>\"pw"),
            new UninstallOperation("6ba7b812-9dad-11d1-80b4-00c04fd430c8", "1.0.0", "Device.SoftwareModules.ExecEnv.2."),
        ],
            "du&<>\"'-9"),
        new ChangeDUState([new InstallOperation("http://du.example.net/a.ipk")]),
        new ChangeDUState([new UpdateOperation()], ""),
        new ChangeDUState([new UninstallOperation("00000000-0000-0000-0000-000000000000")], "uninstall"),
        new ChangeDUStateResponse(),
    ];
}
