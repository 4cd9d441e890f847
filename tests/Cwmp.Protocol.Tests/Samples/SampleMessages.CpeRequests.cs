using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

internal static partial class SampleMessages
{
    private static readonly CwmpDateTime Started = CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 15, 30, TimeSpan.Zero));
    private static readonly CwmpDateTime Completed = CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 17, 2, TimeSpan.Zero));

    private static IEnumerable<CwmpMessage> CpeRequests() =>
    [
        // TransferComplete: a failure with special characters, a success, unknown times, a 1.1-only fault code.
        new TransferComplete("dl-42 &<>\"'", new TransferFault(FaultCodes.FileTransferFailure, "HTTP 404 for \"fw.bin\" & <retry>"), Started, Completed),
        new TransferComplete("dl-43", TransferFault.None, Started, Completed),
        new TransferComplete("", TransferFault.None, CwmpDateTime.Unknown, CwmpDateTime.Unknown),
        new TransferComplete("ul-7", TransferFault.Create(FaultCodes.UploadFailure), Started, CwmpDateTime.Unknown),
        new TransferComplete("dl-44", TransferFault.Create(FaultCodes.FileAuthenticationFailure), Started, Completed),
        new TransferComplete("dl-45", new TransferFault(9801, "Vendor: flash busy"), CwmpDateTime.Unknown, Completed),
        new TransferCompleteResponse(),

        // AutonomousTransferComplete: a download, an upload that failed, a 1.2-only file type, empty strings.
        new AutonomousTransferComplete(
            "http://224.0.1.20:5000/announce?group=fw&x=<1>",
            "http://fw.example.com/images/BM632w-V100R002.bin?token=a&b=\"c\"",
            IsDownload: true,
            "1 Firmware Upgrade Image",
            12_345_678,
            "BM632w-V100R002.bin",
            TransferFault.None,
            Started,
            Completed),
        new AutonomousTransferComplete(
            "",
            "ftp://logs.example.com/upload/00E0FC-SN1.log",
            IsDownload: false,
            "4 Vendor Log File",
            0,
            "",
            TransferFault.Create(FaultCodes.UnableToContactFileServer),
            CwmpDateTime.Unknown,
            Completed),
        new AutonomousTransferComplete(
            "",
            "http://cfg.example.com/voice.xml",
            IsDownload: true,
            "6 Vendor Configuration File 2",
            4096,
            "voice.xml",
            TransferFault.None,
            Started,
            Completed),
        new AutonomousTransferComplete("", "", false, "X 00E0FC Diagnostics Bundle", 0, "", TransferFault.None, CwmpDateTime.Unknown, CwmpDateTime.Unknown),
        new AutonomousTransferCompleteResponse(),

        // RequestDownload: arguments with special characters, no arguments, a vendor type, a 1.2-only type.
        new RequestDownload(
            "3 Vendor Configuration File",
            [new ArgStruct("Version", "2.1 & <later>"), new ArgStruct("Profile", "\"residential\""), new ArgStruct("Empty", "")]),
        new RequestDownload("1 Firmware Upgrade Image", []),
        new RequestDownload("X 00D09E Ringtones", [new ArgStruct("Locale", "de-CH")]),
        new RequestDownload("5 Ringer File", []),
        new RequestDownloadResponse(),

        // DUStateChangeComplete: every CurrentState, with and without fault strings; a single result without CommandKey.
        new DUStateChangeComplete(
            [
                new OpResultStruct(
                    "c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d",
                    "Device.SoftwareModules.DeploymentUnit.1",
                    "1.0.0",
                    "Installed",
                    Resolved: true,
                    "Device.SoftwareModules.ExecutionUnit.1,Device.SoftwareModules.ExecutionUnit.2",
                    Started,
                    Completed,
                    new DeploymentUnitFaultStruct(0, "")),
                new OpResultStruct(
                    "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
                    "Device.SoftwareModules.DeploymentUnit.2",
                    "2.3 <beta> & \"rc\"",
                    "Uninstalled",
                    Resolved: false,
                    "",
                    Started,
                    Completed,
                    DeploymentUnitFaultStruct.None),
                new OpResultStruct(
                    "11111111-2222-3333-4444-555555555555",
                    "",
                    "",
                    "Failed",
                    Resolved: false,
                    "",
                    Started,
                    CwmpDateTime.Unknown,
                    new DeploymentUnitFaultStruct(FaultCodes.FileCorrupted, "File transfer failure: file corrupted & <truncated>")),
            ],
            "cdus-7 &<>"),
        new DUStateChangeComplete(
            [
                new OpResultStruct(
                    "c0c4328b-18a4-4b3b-b1da-e8ea8d8f457e",
                    "Device.SoftwareModules.DeploymentUnit.3",
                    "0.9",
                    "Installed",
                    Resolved: false,
                    "Device.SoftwareModules.ExecutionUnit.4",
                    CwmpDateTime.Unknown,
                    CwmpDateTime.Unknown,
                    new DeploymentUnitFaultStruct(FaultCodes.DeploymentUnitVersionExists)),
            ]),
        new DUStateChangeCompleteResponse(),

        // AutonomousDUStateChangeComplete: each standard operation and a vendor one.
        new AutonomousDUStateChangeComplete(
            [
                new AutonOpResultStruct(
                    new OpResultStruct(
                        "c0c4328b-18a4-4b3b-b1da-e8ea8d8f457d",
                        "Device.SoftwareModules.DeploymentUnit.1",
                        "1.0.1",
                        "Installed",
                        Resolved: true,
                        "Device.SoftwareModules.ExecutionUnit.1",
                        Started,
                        Completed,
                        DeploymentUnitFaultStruct.None),
                    "Update"),
                new AutonOpResultStruct(
                    new OpResultStruct(
                        "abcdefab-cdef-abcd-efab-cdefabcdefab",
                        "Device.SoftwareModules.DeploymentUnit.5",
                        "3.0",
                        "Uninstalled",
                        Resolved: false,
                        "",
                        Started,
                        Completed,
                        new DeploymentUnitFaultStruct(0, "removed by the user & <app store>")),
                    "Uninstall"),
                new AutonOpResultStruct(
                    new OpResultStruct(
                        "00000000-0000-0000-0000-000000000000",
                        "",
                        "",
                        "Failed",
                        Resolved: false,
                        "",
                        CwmpDateTime.Unknown,
                        CwmpDateTime.Unknown,
                        new DeploymentUnitFaultStruct(FaultCodes.UnknownExecutionEnvironment, "no EE")),
                    "Install"),
                new AutonOpResultStruct(
                    new OpResultStruct(
                        "c0c4328b-18a4-4b3b-b1da-e8ea8d8f4580",
                        "Device.SoftwareModules.DeploymentUnit.6",
                        "1",
                        "Installed",
                        Resolved: true,
                        "",
                        Started,
                        Completed,
                        DeploymentUnitFaultStruct.None),
                    "X_00E0FC_Restore"),
            ]),
        new AutonomousDUStateChangeCompleteResponse(),

        // Kicked: a populated request and an empty one.
        new Kicked("login", "http://192.168.1.1/portal?lang=en&x=<1>", "user=\"alice\"&plan=basic", "http://192.168.1.1/welcome"),
        new Kicked("", "", "", ""),
        new KickedResponse("https://acs.example.com/portal/next?cpe=00E0FC-SN1&step=<2>"),
        new KickedResponse(""),
    ];
}
