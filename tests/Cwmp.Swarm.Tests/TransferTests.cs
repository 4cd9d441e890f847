using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests;

/// <summary>Download, ScheduleDownload and Upload really move files over loopback and end in TransferComplete.</summary>
public sealed class TransferTests
{
    private static readonly byte[] Firmware = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task A_firmware_download_is_fetched_checked_installed_and_reported_after_the_reboot()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        h.Acs.Files["fw.bin"] = Firmware;
        await h.FirstContactAsync();
        string url = h.Acs.FileUrl("fw.bin") + "?sha256=" + LifecycleTests.Sha256(Firmware);
        Task rebooting = h.WaitForTurnAsync(c => c.IsRebooting, "the reboot that installs the image");
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new Download("dl-1", "1 Firmware Upgrade Image", url, FileSize: (uint)Firmware.Length, TargetFileName: "SGW-4.0.0"));
        Assert.Equal(new DownloadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown), answers[0]);
        await rebooting;

        var boot = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["1 BOOT", "7 TRANSFER COMPLETE", "M Download"], boot.EventCodes);
        Assert.Equal("dl-1", boot.Inform.Events[2].CommandKey);
        Assert.Equal("SGW-4.0.0", boot.Parameter("Device.DeviceInfo.SoftwareVersion"));
        (string key, TransferComplete complete) = Assert.Single(h.Acs.TransferCompletes);
        Assert.Equal(h.Key(), key);
        Assert.Equal("dl-1", complete.CommandKey);
        Assert.Equal(new TransferFault(0, string.Empty), complete.FaultStruct);
        Assert.False(complete.StartTime.IsUnknown);
        Assert.Equal(["download-ok"], h.Swarm.Context.Statistics.Transfers.Keys);
    }

    [Theory]
    [InlineData("bad-hash", 9018)]
    [InlineData("bad-size", 9018)]
    [InlineData("missing", 9010)]
    [InlineData("off-loopback", 9010)]
    public async Task A_failed_download_reports_its_fault_without_rebooting(string failure, int expectedFault)
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        h.Acs.Files["fw.bin"] = Firmware;
        await h.FirstContactAsync();
        string good = h.Acs.FileUrl("fw.bin");
        Download download = failure switch
        {
            "bad-hash" => new Download("dl-2", "1 Firmware Upgrade Image", good + "?sha256=" + new string('0', 64), FileSize: (uint)Firmware.Length),
            "bad-size" => new Download("dl-2", "1 Firmware Upgrade Image", good, FileSize: 12345),
            "missing" => new Download("dl-2", "1 Firmware Upgrade Image", h.Acs.FileUrl("nothing.bin")),
            _ => new Download("dl-2", "1 Firmware Upgrade Image", "http://198.51.100.1/fw.bin"),
        };
        int sessions = h.Acs.EndedSessions.Count;
        h.Acs.Enqueue(h.Key(), download);

        // The RPC session, then at once the TransferComplete session (no reboot for a failed download).
        Task report = h.Acs.WaitAsync(() => h.Acs.TransferCompletes.Count == 1 && h.Acs.EndedSessions.Count >= sessions + 2, "the TransferComplete session");
        await h.SessionAsync(0, () => h.Swarm.Runtime.Raise(h.Device(), Cpe.CpeSignal.ConnectionRequest));
        await report;
        Assert.False(h.Device().IsRebooting);
        var inform = h.Acs.InformsOf(h.Key())[^1];
        Assert.Equal(["7 TRANSFER COMPLETE", "M Download"], inform.EventCodes);
        Assert.Equal(expectedFault, h.Acs.TransferCompletes.Single().Message.FaultStruct.FaultCode);
        Assert.Equal("SGW-3.2.1", inform.Parameter("Device.DeviceInfo.SoftwareVersion"));
    }

    [Fact]
    public async Task An_upload_PUTs_a_generated_configuration_file_and_reports_M_Upload()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        Task report = h.Acs.WaitAsync(() => h.Acs.TransferCompletes.Count == 1, "the upload's TransferComplete");
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new Upload("ul-1", "1 Vendor Configuration File", h.Acs.UploadUrl("config.txt")));
        Assert.Equal(new UploadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown), answers[0]);
        await report;
        Assert.Equal(["7 TRANSFER COMPLETE", "M Upload"], h.Acs.InformsOf(h.Key())[^1].EventCodes);
        Assert.Equal(0, h.Acs.TransferCompletes.Single().Message.FaultStruct.FaultCode);
        string uploaded = System.Text.Encoding.UTF8.GetString(h.Acs.Uploads["config.txt"]);
        Assert.StartsWith("# configuration of ACDE48-SwarmGW-SW0000000000\n", uploaded, StringComparison.Ordinal);
        Assert.Contains("Device.WiFi.SSID.1.SSID=Swarm-0000\n", uploaded, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyPassphrase", uploaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queued_transfers_are_listed_and_can_be_cancelled_before_they_start()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new Download("later", "3 Vendor Configuration File", h.Acs.FileUrl("cfg.xml"), FileSize: 10, TargetFileName: "cfg.xml", DelaySeconds: 600),
            new ScheduleDownload("windowed", "1 Firmware Upgrade Image", h.Acs.FileUrl("fw.bin"), string.Empty, string.Empty, 0, string.Empty, [new TimeWindowStruct(900, 1800, "1 At Any Time")]),
            new GetAllQueuedTransfers(),
            new GetQueuedTransfers(),
            new CancelTransfer("later"),
            new CancelTransfer("unknown"),
            new GetAllQueuedTransfers(),
            new Download("x", "1 Firmware Upgrade Image", "ftp://127.0.0.1/fw.bin"));

        Assert.Equal(new DownloadResponse(1, CwmpDateTime.Unknown, CwmpDateTime.Unknown), answers[0]);
        Assert.Equal(new ScheduleDownloadResponse(), answers[1]);
        Assert.Equal(
            new GetAllQueuedTransfersResponse(
            [
                new AllQueuedTransferStruct("later", 1, true, "3 Vendor Configuration File", 10, "cfg.xml"),
                new AllQueuedTransferStruct("windowed", 1, true, "1 Firmware Upgrade Image", 0, string.Empty),
            ]),
            answers[2]);
        Assert.Equal(new GetQueuedTransfersResponse([new QueuedTransferStruct("later", 1), new QueuedTransferStruct("windowed", 1)]), answers[3]);
        Assert.Equal(new CancelTransferResponse(), answers[4]);
        Assert.Equal(9003, ((CwmpFault)answers[5]).FaultCode);
        Assert.Equal(new GetAllQueuedTransfersResponse([new AllQueuedTransferStruct("windowed", 1, true, "1 Firmware Upgrade Image", 0, string.Empty)]), answers[6]);
        Assert.Equal(9013, ((CwmpFault)answers[7]).FaultCode);
    }
}
