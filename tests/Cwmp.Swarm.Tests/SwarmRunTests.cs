using Cwmp.Protocol;
using Cwmp.Swarm.Swarm;
using Cwmp.Swarm.Tests.Acs;
using Xunit.Abstractions;

namespace Cwmp.Swarm.Tests;

/// <summary>Whole bounded runs of many devices against the mini-ACS, in real time.</summary>
[Collection(MeasurementGroup.Name)]
public sealed class SwarmRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_steady_run_of_1000_devices_bootstraps_every_device_once_without_failure()
    {
        await using MiniAcs acs = await MiniAcs.StartAsync();
        var options = new SwarmOptions
        {
            AcsUrl = acs.Url,
            Devices = 1000,
            Scenario = ScenarioKind.Steady,
            PeriodicIntervalSeconds = 3600,
            RampSeconds = 1,
            MaxSessions = 1000,
            Duration = TimeSpan.FromSeconds(60),
            Concurrency = 32,
            QuirkShare = 0.3,
            IgdShare = 0.3,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);
        SwarmReport report = await swarm.RunAsync(null, CancellationToken.None);
        output.WriteLine(report.Summary());

        Assert.Equal(1000, report.SessionsSucceeded);
        Assert.Equal(0, report.SessionsFailed);
        Assert.Empty(report.FailuresByKind);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(60), "the run ended on --max-sessions, not on --duration");
        ReceivedInform[] informs = [.. acs.Informs];
        Assert.Equal(1000, informs.Length);
        Assert.Equal(1000, informs.Select(i => i.DeviceKey).Distinct().Count());
        Assert.All(informs, i => Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], i.EventCodes));
        Assert.Equal(1000, acs.EndedSessions.Count);
        Assert.InRange(informs.Count(i => i.Inform.DeviceId.Oui == "202BC1"), 200, 400);
        Assert.InRange(informs.Count(i => i.Envelope.CwmpNamespace != CwmpNamespaces.Cwmp12), 10, 150);
    }

    [Fact]
    public async Task A_boot_storm_of_500_devices_within_a_second_boots_every_device_and_retries_what_the_ACS_turned_away()
    {
        await using MiniAcs acs = await MiniAcs.StartAsync();
        int turnedAway = 0;
        acs.InformStatus = _ => Interlocked.Increment(ref turnedAway) <= 50 ? 503 : null;
        acs.RetryAfterSeconds = 1;
        var options = new SwarmOptions
        {
            AcsUrl = acs.Url,
            Devices = 500,
            Scenario = ScenarioKind.Storm,
            StormSeconds = 1,
            PeriodicIntervalSeconds = 3600,
            MaxSessions = 550,
            Duration = TimeSpan.FromSeconds(60),
            Concurrency = 64,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);

        // Retries wait at least 5 s (the TR-069 minimum), so the run ends on --max-sessions after about 6 s.
        SwarmReport report = await swarm.RunAsync(null, CancellationToken.None);
        output.WriteLine(report.Summary());
        Assert.Equal(500, report.SessionsSucceeded);
        Assert.Equal(50, report.SessionsFailed);
        Assert.Equal(new Dictionary<string, long> { ["http-503"] = 50 }, report.FailuresByKind);
        Assert.Equal(500, acs.Informs.Select(i => i.DeviceKey).Distinct().Count());
        Assert.All(acs.Informs, i => Assert.Equal(["1 BOOT"], i.EventCodes));
        Assert.Equal(50, acs.Informs.Count(i => i.Inform.RetryCount == 1));
    }

    [Fact]
    public void An_idle_device_costs_far_less_than_4_KB()
    {
        var swarm = new SwarmHost(new SwarmOptions { AcsUrl = new Uri("http://127.0.0.1:7547/"), Devices = 50_000, EnableConnectionRequests = false });
        swarm.CreateDevices();
        output.WriteLine($"{swarm.Memory.BytesPerIdleDevice:F1} bytes per idle device ({swarm.Memory.Devices} devices, {swarm.Memory.HeapAfter - swarm.Memory.HeapBefore} bytes)");
        Assert.InRange(swarm.Memory.BytesPerIdleDevice, 1, 512);
        GC.KeepAlive(swarm);
    }

    /// <summary>Sessions per second against the mini-ACS (not the real server); run with CWMP_SWARM_MEASURE=1.</summary>
    [MeasurementFact]
    public async Task Measure_sessions_per_second_against_the_mini_ACS()
    {
        await using MiniAcs acs = await MiniAcs.StartAsync();
        acs.SetCookie = true;
        var options = new SwarmOptions
        {
            AcsUrl = acs.Url,
            Devices = 100_000,
            Scenario = ScenarioKind.Steady,
            FirstContact = FirstContact.Periodic,
            PeriodicIntervalSeconds = 3600,
            RampSeconds = 0,
            Duration = TimeSpan.FromSeconds(20),
            Concurrency = 64,
            Progress = false,
            OutputPath = null,
        };
        await using var swarm = new SwarmHost(options);
        SwarmReport report = await swarm.RunAsync(null, CancellationToken.None);
        output.WriteLine(report.Summary());
        Assert.Equal(0, report.SessionsFailed);
    }
}

/// <summary>Runs that measure time or memory do not share the machine with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementGroup
{
    public const string Name = "measurements";
}

/// <summary>A test that only runs when CWMP_SWARM_MEASURE=1 (it loads the machine for a while).</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CWMP_SWARM_MEASURE") != "1")
        {
            Skip = "A measurement: set CWMP_SWARM_MEASURE=1 to run it.";
        }
    }
}
