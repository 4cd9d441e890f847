using System.Diagnostics;
using Cwmp.Files;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Cwmp.Server.Tests.Infrastructure;
using Cwmp.Swarm.Swarm;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cwmp.Server.Tests;

/// <summary>
/// Issue 7's scenario at CI size: 10,000 simulated CPEs (the swarm: real HTTP, real downloads from the file port,
/// reboots, TransferComplete) against the ACS on its embedded default, 2 % of them failing every firmware download.
/// A campaign whose threshold is below that rate pauses itself in its canary wave; one above it completes, and
/// every count is exact.
/// </summary>
public sealed class CampaignSwarmTests(ITestOutputHelper output) : IDisposable
{
    // The suite runs 10,000 devices; the benchmark sets CWMP_CAMPAIGN_SWARM_DEVICES=100000 with a longer
    // CWMP_CAMPAIGN_SWARM_INTERVAL (seconds) so that the periodic load fits the machine (docs/campaigns.md).
    private static readonly int Devices = Setting("CWMP_CAMPAIGN_SWARM_DEVICES", 10_000);
    private static readonly int Interval = Setting("CWMP_CAMPAIGN_SWARM_INTERVAL", 30);
    private const double InjectedFailureShare = 0.02;
    private const string FirmwareFile = "fw-2.0.0.bin";
    private const string TargetVersion = "fw-2.0.0";

    // A failed transfer is tried this often (DeviceGrainOptions.MaxAttempts) before it counts: one session each.
    private static readonly int Attempts = Setting("CWMP_CAMPAIGN_SWARM_ATTEMPTS", 3);
    private readonly TempDirectory _data = new("campaign-swarm");

    [Fact]
    public async Task A_firmware_campaign_over_10000_swarm_devices_pauses_below_the_failure_rate_and_completes_above_it()
    {
        await using var acs = await InProcessServer.StartAsync(
            ServerPorts.Allocate(),
            "--Cwmp:Storage:DataDirectory=" + Path.Combine(_data.Path, "store"),
            "--Cwmp:Files:Directory=" + Path.Combine(_data.Path, "files"),
            "--Cwmp:Files:UploadsDirectory=" + Path.Combine(_data.Path, "uploads"),
            "--Cwmp:Files:SigningSecret=" + new string('s', 48),
            "--Cwmp:Auth:Required=false",
            // First contact (discovery and provisioning, tested on its own) would only slow the 10,000 bootstraps down.
            "--Cwmp:Provisioning:FirstContact:Enabled=false",
            "--Cwmp:Devices:MaxAttempts=" + Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cwmp:Campaigns:TickInterval=00:00:00.500", "--Cwmp:Campaigns:ReportInterval=00:00:02");
        string firmwareUrl = await PublishFirmwareAsync(acs);

        var options = new SwarmOptions
        {
            AcsUrl = new Uri($"http://127.0.0.1:{acs.Ports.Cwmp}/"),
            Devices = Devices,
            Scenario = ScenarioKind.Steady,
            PeriodicIntervalSeconds = (uint)Interval,
            RampSeconds = Math.Max(20, Devices / 500.0),
            Duration = TimeSpan.FromMinutes(20),
            Concurrency = 64,
            IgdShare = 0.3,
            RebootDuration = TimeSpan.FromSeconds(1),
            EnableConnectionRequests = false,
            FirmwareFailureShare = InjectedFailureShare,
            ValueChangesPerHour = 0,
            PowerCyclesPerHour = 0,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);
        await swarm.StartAsync();
        swarm.StartScenario();
        var clock = Stopwatch.StartNew();
        await Within.Await(swarm.Context.AllInformed.Task, Longest(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(Devices / 100.0)), "every swarm device's first Inform");
        output.WriteLine($"{Devices} devices informed after {clock.Elapsed.TotalSeconds:F1} s");
        int failing = Enumerable.Range(0, Devices).Count(options.FailsFirmware);

        // Below the injected rate: the canary pauses the campaign, and the canary devices in flight still finish.
        ICampaignGrain strict = acs.Grains.GetGrain<ICampaignGrain>("swarm-strict");
        await strict.CreateAsync(Firmware(firmwareUrl, new RolloutPolicy
        {
            CanaryCount = 500, WavePercentages = [100], MaxInFlight = Devices, MaxStartsPerMinute = 100_000,
            FailureRateThreshold = 0.005, MinOutcomesForFailureRate = 100,
        }));
        Assert.Equal(Devices, (await strict.StartAsync()).Targeted);
        clock.Restart();
        CampaignProgress paused = await WatchAsync(
            strict, swarm, p => p is { Status: CampaignStatus.Paused, Counts.InFlight: 0 }, Longest(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(Interval * (Attempts + 3))),
            "the strict campaign to pause in its canary wave, with nothing left in flight");
        output.WriteLine($"strict: paused after {clock.Elapsed.TotalSeconds:F1} s: {paused.PauseReason}; {Describe(paused)}");
        Assert.StartsWith("wave 0: ", paused.PauseReason, StringComparison.Ordinal);
        Assert.EndsWith("over the threshold 0.5%", paused.PauseReason, StringComparison.Ordinal);
        Assert.Equal((500L, 500L), (paused.Counts.Started, paused.Counts.Succeeded + paused.Counts.Failed));
        Assert.True(paused.Counts.Failed > 0.005 * 500, "the canary's failure rate is over the threshold");
        Assert.Equal(paused.Counts.Failed, paused.Counts.FailedBy.GetValueOrDefault("9010"));
        Assert.Equal((paused.Counts.Succeeded, paused.Counts.Failed * Attempts), Downloads(swarm));
        await strict.CancelAsync();

        // Above it: every wave runs; the canary's upgraded devices are skipped (already at the version), every failing
        // device fails once more, all others succeed.
        ICampaignGrain tolerant = acs.Grains.GetGrain<ICampaignGrain>("swarm-tolerant");
        await tolerant.CreateAsync(Firmware(firmwareUrl, new RolloutPolicy
        {
            CanaryCount = 100, WavePercentages = [100], MaxInFlight = Devices, MaxStartsPerMinute = 100_000,
            // Failures come back before successes (no download, no reboot): the rate is judged on a large enough sample.
            FailureRateThreshold = 0.1, MinOutcomesForFailureRate = 2500,
        }));
        await tolerant.StartAsync();
        clock.Restart();
        CampaignProgress done = await WatchAsync(
            tolerant, swarm, p => p.Status == CampaignStatus.Completed, Longest(TimeSpan.FromMinutes(6), TimeSpan.FromSeconds(Interval * (Attempts + 5))), "the tolerant campaign to complete all its waves");
        output.WriteLine($"tolerant: completed after {clock.Elapsed.TotalSeconds:F1} s; {Describe(done)}; {failing} devices inject failures");

        Assert.Equal((2, (long)Devices, 0L, 0L), (done.WaveCount, done.Counts.Started, done.Counts.InFlight, done.Counts.NotReached));
        Assert.Equal(paused.Counts.Succeeded, done.Counts.Skipped);
        Assert.Equal(failing, done.Counts.Failed);
        Assert.Equal(Devices - failing - paused.Counts.Succeeded, done.Counts.Succeeded);
        Assert.Equal(new Dictionary<string, long> { ["9010"] = failing }, done.Counts.FailedBy);
        Assert.Equal((paused.Counts.Succeeded + done.Counts.Succeeded, (paused.Counts.Failed + done.Counts.Failed) * Attempts), Downloads(swarm));
        Assert.Equal(Math.Min(failing, 1000), (await tolerant.GetFailuresAsync(1000)).Count);
        await swarm.StopAsync();
    }

    public void Dispose() => _data.Dispose();

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Polls the campaign until <paramref name="done"/>, writing where it and the swarm are every 15 s.</summary>
    private async Task<CampaignProgress> WatchAsync(
        ICampaignGrain campaign, SwarmHost swarm, Func<CampaignProgress, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan nextLine = TimeSpan.FromSeconds(15);
        while (true)
        {
            CampaignProgress progress = (await campaign.GetProgressAsync())!;
            if (done(progress))
            {
                return progress;
            }

            string state = $"{Describe(progress)}; swarm sessions {swarm.Context.Statistics.SessionsSucceeded} ok, {swarm.Context.Statistics.SessionsFailed} failed, "
                + $"{swarm.Context.Statistics.InFlight} in flight; downloads {Downloads(swarm)}";
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}: {state}.");
            }

            if (clock.Elapsed >= nextLine)
            {
                output.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s: {state}");
                nextLine += TimeSpan.FromSeconds(15);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static CampaignDefinition Firmware(string url, RolloutPolicy rollout) => new()
    {
        Name = "firmware " + TargetVersion,
        Target = DeviceQuery.All,
        Firmware = new FirmwareAction(url, TargetVersion, FileSize: 64 * 1024),
        Rollout = rollout,
    };

    /// <summary>The image in the file store, and one URL for the whole campaign signed for a day.</summary>
    private static async Task<string> PublishFirmwareAsync(InProcessServer acs)
    {
        byte[] image = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31))];
        FileMetadata stored = await acs.Services.GetRequiredService<IFileStore>().AddAsync(
            new NewFile(FirmwareFile, "1 Firmware Upgrade Image", Version: TargetVersion), new MemoryStream(image));
        Uri url = acs.Services.GetRequiredService<FileUrlSigner>().BuildFileUrl(
            stored, "campaign:swarm", TimeSpan.FromDays(1), new Uri($"http://127.0.0.1:{acs.Ports.Files}/"));
        return url.ToString();
    }

    private static (long Succeeded, long Failed) Downloads(SwarmHost swarm) =>
        (swarm.Context.Statistics.Transfers.GetValueOrDefault("download-ok"), swarm.Context.Statistics.Transfers.GetValueOrDefault("download-9010"));

    private static string Describe(CampaignProgress p) =>
        $"{p.Status}, wave {p.Wave + 1}/{p.WaveCount}, started {p.Counts.Started}, in flight {p.Counts.InFlight}, succeeded {p.Counts.Succeeded}, "
        + $"failed {p.Counts.Failed}, not reached {p.Counts.NotReached}, skipped {p.Counts.Skipped}";
}
