using System.Net;
using Cwmp.Grains;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Cwmp.Protocol;
using Cwmp.Server.Tests.EndToEnd;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit.Abstractions;
using static Cwmp.Server.Tests.EndToEnd.CpeMessages;

namespace Cwmp.Server.Tests;

/// <summary>
/// Two silos on a real redis-server, a firmware campaign over CPEs that speak real HTTP, and one silo killed with
/// SIGKILL in the middle of it: the campaign goes on on the other silo and ends with every device counted once.
/// </summary>
public sealed class CampaignFailoverTests(ITestOutputHelper output)
{
    private const int DeviceCount = 30;
    private const int CanaryCount = 5;
    private const string OldVersion = "V1.0";
    private const string NewVersion = "V2.0";
    private static readonly TimeSpan CampaignTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_silo_killed_mid_campaign_loses_no_count_and_counts_nothing_twice()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        string[] arguments =
        [
            "--Cwmp:Storage:Mode=Redis", "--Cwmp:Storage:ConnectionString=" + redis.ConnectionString, "--Cwmp:Auth:Required=false",
            "--Cwmp:Campaigns:TickInterval=00:00:00.250", "--Cwmp:Campaigns:PollInterval=00:00:02", "--Cwmp:Campaigns:ReportInterval=00:00:01",

            // The fleet bootstraps only to exist: first-contact discovery (docs/provisioning.md) is not what is tested here.
            "--Cwmp:Provisioning:FirstContact:Enabled=false",
        ];
        await using var survivor = await InProcessServer.StartAsync(ServerPorts.Allocate(), arguments);
        ServerPorts victimPorts = ServerPorts.Allocate();
        await using var victim = await ServerProcess.StartAsync(victimPorts, arguments);
        await Poll.UntilAsync(async () => (await ActiveSilosAsync(survivor)) == 2, TimeSpan.FromSeconds(60), "both silos to be active members");

        // Half the CPEs reach the ACS through the silo that will die (behind a load balancer, say), so device grains
        // live on both silos.
        var devices = Enumerable.Range(0, DeviceCount)
            .Select(i => new FirmwareCpe(i % 2 == 0 ? survivor.Ports.Cwmp : victimPorts.Cwmp, $"FO{i:D4}"))
            .ToList();
        foreach (FirmwareCpe cpe in devices)
        {
            await cpe.BootstrapAsync();
            await survivor.Grains.GetGrain<IDeviceGrain>(DeviceKeyOf(cpe.Serial)).UpdateTagsAsync(new TagChange(["failover"], []));
        }

        ICampaignGrain campaign = survivor.Grains.GetGrain<ICampaignGrain>("failover-fw");
        await campaign.CreateAsync(new CampaignDefinition
        {
            Name = "failover",
            Target = new DeviceQuery { Tags = ["failover"] },
            Firmware = new FirmwareAction("http://127.0.0.1:9/fw-v2.bin", NewVersion),
            Rollout = new RolloutPolicy { CanaryCount = CanaryCount, WavePercentages = [100], MaxInFlight = 1000, MaxStartsPerMinute = 60_000, FailureRateThreshold = 1 },
        });
        Assert.Equal(DeviceCount, (await campaign.StartAsync()).Targeted);

        // The canary, then half of the rest, with both silos up.
        await Poll.UntilAsync(async () => (await campaign.GetProgressAsync())!.Counts.Started == CanaryCount, CampaignTimeout, "the canary's starts");
        Assert.Equal(CanaryCount, await UpgradeWhatWasOfferedAsync(devices));
        await Poll.UntilAsync(async () => (await campaign.GetProgressAsync())!.Counts.Started == DeviceCount, CampaignTimeout, "the second wave's starts");
        int beforeKill = await UpgradeWhatWasOfferedAsync(devices.Where(d => !d.Upgraded).Take((DeviceCount - CanaryCount) / 2));
        output.WriteLine($"before the kill: {beforeKill} upgraded in wave 1; progress {Describe(await campaign.GetProgressAsync())}");

        IReadOnlyDictionary<string, int> onVictim = await ActivationsOnOtherSiloAsync(survivor);
        output.WriteLine("activations on the silo to be killed: " + string.Join(", ", onVictim.Select(a => $"{a.Key} {a.Value}")));
        Assert.True(onVictim.GetValueOrDefault("DeviceGrain") > 0, "some device grains live on the silo that is killed");
        Assert.True(onVictim.GetValueOrDefault("CampaignShardGrain") > 0, "some shard workers live on the silo that is killed");

        await victim.KillAsync();
        foreach (FirmwareCpe cpe in devices)
        {
            // The load balancer sends everyone to the surviving silo now.
            cpe.Port = survivor.Ports.Cwmp;
        }

        // The rest, as CPEs do: a session that fails is tried again later (the device grains on the dead silo move).
        var started = TimeProvider.System.GetTimestamp();
        await Poll.UntilAsync(
            async () =>
            {
                await UpgradeWhatWasOfferedAsync(devices.Where(d => !d.Upgraded));
                return devices.All(d => d.Upgraded);
            },
            CampaignTimeout,
            "every remaining CPE to be offered the download and finish it after the kill");
        CampaignProgress done = (await Poll.UntilAsync(
            async () => await campaign.GetProgressAsync() is { Status: CampaignStatus.Completed } p ? p : null,
            CampaignTimeout,
            "the campaign to complete on the surviving silo"))!;
        output.WriteLine($"after the kill: completed {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s later; {Describe(done)}; CPE sessions retried: {devices.Sum(d => d.FailedSessions)}");

        Assert.Equal(
            (DeviceCount, DeviceCount, 0L, 0L, 0L, 0L),
            ((int)done.Counts.Started, (int)done.Counts.Succeeded, done.Counts.Failed, done.Counts.NotReached, done.Counts.Skipped, done.Counts.InFlight));
        Assert.Equal(DeviceCount, devices.Count(d => d.Upgraded));
        Assert.All(devices, d => Assert.Equal(1, d.DownloadsTaken));
    }

    private static async Task<int> UpgradeWhatWasOfferedAsync(IEnumerable<FirmwareCpe> devices)
    {
        int upgraded = 0;
        foreach (FirmwareCpe cpe in devices.ToList())
        {
            upgraded += await cpe.TrySessionsAsync() ? 1 : 0;
        }

        return upgraded;
    }

    private static async Task<IReadOnlyDictionary<string, int>> ActivationsOnOtherSiloAsync(InProcessServer server)
    {
        SiloAddress local = server.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        SimpleGrainStatistic[] statistics = await server.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => !s.SiloAddress.Equals(local))
            .GroupBy(s => ShortTypeName(s.GrainType), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
    }

    // "Cwmp.Grains.Devices.DeviceGrain,Cwmp.Grains" → "DeviceGrain"
    private static string ShortTypeName(string grainType)
    {
        string name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static async Task<int> ActiveSilosAsync(InProcessServer server) =>
        (await server.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    private static string Describe(CampaignProgress? p) => p is null ? "none" :
        $"{p.Status}, wave {p.Wave}/{p.WaveCount}, started {p.Counts.Started}, in flight {p.Counts.InFlight}, succeeded {p.Counts.Succeeded}, failed {p.Counts.Failed}, not reached {p.Counts.NotReached}, skipped {p.Counts.Skipped}";

    /// <summary>
    /// A CPE that takes a firmware Download, "reboots" into the new version and reports the TransferComplete until
    /// the ACS acknowledges it. A session that fails (timeout, 5xx) is simply tried again on the next call.
    /// </summary>
    private sealed class FirmwareCpe(int port, string serial)
    {
        private string? _pendingCommandKey;

        /// <summary>The ACS port this CPE's load balancer sends it to.</summary>
        public int Port { get; set; } = port;

        public string Serial { get; } = serial;

        public bool Upgraded { get; private set; }

        public int DownloadsTaken { get; private set; }

        public int FailedSessions { get; private set; }

        public async Task BootstrapAsync()
        {
            using var cpe = new ScriptedCpe(Port);
            Assert.Equal(HttpStatusCode.OK, (await cpe.PostAsync(Inform(Cwmp12, "Device.", Serial, "1", [("0 BOOTSTRAP", ""), ("1 BOOT", "")], softwareVersion: OldVersion))).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await cpe.PostAsync(null)).Status);
        }

        /// <summary>One attempt at the CPE's next step; true when the upgrade finished in it.</summary>
        public async Task<bool> TrySessionsAsync()
        {
            if (Upgraded)
            {
                return false;
            }

            try
            {
                if (_pendingCommandKey is null && !await TakeDownloadAsync())
                {
                    return false;
                }

                await ReportTransferAsync(_pendingCommandKey!);
                Upgraded = true;
                return true;
            }
            // A 5xx body during the fail-over is no SOAP: the CPE counts the session as failed, as for a timeout.
            catch (Exception e) when (e is TimeoutException or HttpRequestException or TaskCanceledException or SessionFailedException or CwmpParseException)
            {
                FailedSessions++;
                return false;
            }
        }

        private async Task<bool> TakeDownloadAsync()
        {
            using var cpe = new ScriptedCpe(Port);
            Expect(HttpStatusCode.OK, await cpe.PostAsync(Inform(Cwmp12, "Device.", Serial, "1", "2 PERIODIC")));
            CpeReply offered = await cpe.PostAsync(null);
            if (offered.Status == HttpStatusCode.NoContent)
            {
                return false;
            }

            Download download = Assert.IsType<Download>(Expect(HttpStatusCode.OK, offered).Envelope!.Body);
            CpeReply end = await cpe.PostAsync(Message(Cwmp12, offered.Envelope!.Header.Id!,
                "<cwmp:DownloadResponse><Status>1</Status><StartTime>0001-01-01T00:00:00Z</StartTime><CompleteTime>0001-01-01T00:00:00Z</CompleteTime></cwmp:DownloadResponse>"));
            Expect(HttpStatusCode.NoContent, end);
            _pendingCommandKey = download.CommandKey;
            DownloadsTaken++;
            return true;
        }

        private async Task ReportTransferAsync(string commandKey)
        {
            using var cpe = new ScriptedCpe(Port);
            Expect(HttpStatusCode.OK, await cpe.PostAsync(Inform(Cwmp12, "Device.", Serial, "2",
                [("1 BOOT", ""), ("7 TRANSFER COMPLETE", ""), ("M Download", commandKey)], softwareVersion: NewVersion)));
            CpeReply answered = await cpe.PostAsync(Message(Cwmp12, "3",
                $"<cwmp:TransferComplete><CommandKey>{commandKey}</CommandKey><FaultStruct><FaultCode>0</FaultCode><FaultString></FaultString></FaultStruct>"
                + "<StartTime>2026-12-02T10:00:00Z</StartTime><CompleteTime>2026-12-02T10:02:00Z</CompleteTime></cwmp:TransferComplete>"), "");
            Assert.IsType<TransferCompleteResponse>(Expect(HttpStatusCode.OK, answered).Envelope!.Body);
            Expect(HttpStatusCode.NoContent, await cpe.PostAsync(null));
            _pendingCommandKey = null;
        }

        private static CpeReply Expect(HttpStatusCode status, CpeReply reply) =>
            reply.Status == status ? reply : throw new SessionFailedException($"HTTP {(int)reply.Status} where {(int)status} was expected");
    }

    private sealed class SessionFailedException(string message) : Exception(message);
}
