using System.Globalization;
using System.Text.RegularExpressions;
using Cwmp.Server.Diagnostics;
using Cwmp.Server.Hosting;
using Cwmp.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cwmp.Server.Tests;

/// <summary>
/// The figures quoted in docs/decisions/0002-embedded-garnet.md. Each still asserts exact state, so a figure is
/// never taken from a run that lost data.
/// </summary>
public sealed partial class StorageFigures(ITestOutputHelper output) : IDisposable
{
    // 200 devices writing at once is a busy single-node installation; each writes 50 times in sequence.
    private const int Grains = 200;
    private const int WritesPerGrain = 50;
    private const int CrashWrites = 2_000;

    private readonly TempDirectory _data = new("figures");
    private readonly HealthClient _health = new();

    [FiguresTheory]
    [InlineData("embedded, defaults", "--Cwmp:Storage:IndexSize=")]
    [InlineData("embedded, index 16m", "--Cwmp:Storage:IndexSize=16m")]
    [InlineData("embedded, no AOF commit wait", "--Cwmp:Storage:AofCommitWait=false")]
    public async Task Embedded_start_write_restart(string label, string setting)
    {
        string[] arguments = ["--Cwmp:Storage:DataDirectory=" + _data.Path, setting];
        var ports = ServerPorts.Allocate();

        await using (var first = await InProcessServer.StartAsync(ports, arguments))
        {
            Report(label, "cold start (empty folder)", first.StartDuration);
            await WriteAllAsync(first, label);
            Report(label, $"data folder after {Grains * WritesPerGrain} writes, before shutdown", DataFolderSize.Of(_data.Path));
            var stopping = TimeProvider.System.GetTimestamp();
            await first.StopAsync();
            Report(label, "graceful stop (AOF commit + checkpoint)", TimeProvider.System.GetElapsedTime(stopping));
            Report(label, "data folder after shutdown checkpoint", DataFolderSize.Of(_data.Path));
        }

        await using var second = await InProcessServer.StartAsync(ports, arguments);
        Report(label, "restart from checkpoint", second.StartDuration);
        await AssertAllAsync(second);
    }

    [FiguresFact]
    public async Task Redis_start_write_restart()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        string[] arguments = ["--Cwmp:Storage:Mode=Redis", "--Cwmp:Storage:ConnectionString=" + redis.ConnectionString];
        var ports = ServerPorts.Allocate();
        const string label = "redis-server (no persistence)";

        await using (var first = await InProcessServer.StartAsync(ports, arguments))
        {
            Report(label, "cold start (empty store)", first.StartDuration);
            await WriteAllAsync(first, label);
            await first.StopAsync();
        }

        await using var second = await InProcessServer.StartAsync(ports, arguments);
        Report(label, "restart", second.StartDuration);
        await AssertAllAsync(second);
    }

    [FiguresFact]
    public async Task Embedded_child_process_start_stop_and_sigkill_recovery()
    {
        var ports = ServerPorts.Allocate();
        var dataArgument = "--Cwmp:Storage:DataDirectory=" + _data.Path;
        const string label = "embedded, child process";

        await using (var first = await ServerProcess.StartAsync(ports, dataArgument))
        {
            Report(label, "cold start (empty folder), as logged", StartedMs(first.Output));
            Assert.Equal(1, await _health.ProbeWritesAsync(ports.Cwmp));
            await first.StopAsync();
        }

        await using (var second = await ServerProcess.StartAsync(ports, dataArgument))
        {
            Report(label, "restart after SIGTERM (from checkpoint), as logged", StartedMs(second.Output));
            Report(label, "of which Garnet recovery, as logged", GarnetStartedMs(second.Output));
            for (var i = 2; i <= CrashWrites + 1; i++)
            {
                Assert.Equal(i, await _health.ProbeWritesAsync(ports.Cwmp));
            }

            Report(label, $"data folder after {CrashWrites} more readiness writes, at SIGKILL", DataFolderSize.Of(_data.Path));
            await second.KillAsync();
        }

        await using var third = await ServerProcess.StartAsync(ports, dataArgument);
        Report(label, $"restart after SIGKILL (replays {CrashWrites} AOF writes), as logged", StartedMs(third.Output));
        Report(label, "of which Garnet recovery, as logged", GarnetStartedMs(third.Output));
        Assert.Equal(CrashWrites + 2, await _health.ProbeWritesAsync(ports.Cwmp));
    }

    [FiguresFact]
    public async Task Redis_child_process_start()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var ports = ServerPorts.Allocate();
        string[] arguments = ["--Cwmp:Storage:Mode=Redis", "--Cwmp:Storage:ConnectionString=" + redis.ConnectionString];
        const string label = "redis-server, child process";

        await using (var first = await ServerProcess.StartAsync(ports, arguments))
        {
            Report(label, "cold start (empty store), as logged", StartedMs(first.Output));
            Assert.Equal(1, await _health.ProbeWritesAsync(ports.Cwmp));
            await first.StopAsync();
        }

        await using var second = await ServerProcess.StartAsync(ports, arguments);
        Report(label, "restart after SIGTERM, as logged", StartedMs(second.Output));
        Assert.Equal(2, await _health.ProbeWritesAsync(ports.Cwmp));
    }

    public void Dispose()
    {
        _health.Dispose();
        _data.Dispose();
    }

    private async Task WriteAllAsync(InProcessServer server, string label)
    {
        var started = TimeProvider.System.GetTimestamp();
        await Within.Await(
            Task.WhenAll(Enumerable.Range(0, Grains).Select(async g =>
            {
                var probe = server.Grains.GetGrain<IStorageProbeGrain>(GrainKey(g));
                for (var w = 1; w <= WritesPerGrain; w++)
                {
                    Assert.Equal(w, (await probe.ProbeAsync()).Writes);
                }
            })),
            TimeSpan.FromMinutes(5),
            $"{Grains * WritesPerGrain} probe writes");
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Report(label, $"{Grains * WritesPerGrain} grain state writes ({Grains} grains in parallel)", elapsed);
        Report(label, "writes per second", (long)(Grains * WritesPerGrain / elapsed.TotalSeconds));
    }

    private static async Task AssertAllAsync(InProcessServer server)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Grains)
            .Select(g => server.Grains.GetGrain<IStorageProbeGrain>(GrainKey(g)).ReadAsync()));
        Assert.All(results, r => Assert.Equal(WritesPerGrain, r.Writes));
    }

    private static string GrainKey(int g) => "figures-" + g.ToString(CultureInfo.InvariantCulture);

    private static long StartedMs(string output) => LastNumber(StartedLine().Match(output));

    private static long GarnetStartedMs(string output) => LastNumber(GarnetLine().Match(output));

    private static long LastNumber(Match match)
    {
        Assert.True(match.Success, "the expected start-up log line is missing");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private void Report(string label, string what, TimeSpan value) => Report(label, what + " (ms)", (long)value.TotalMilliseconds);

    private void Report(string label, string what, long value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURE | {label} | {what} | {value}"));

    [GeneratedRegex(@"Cwmp server started in (\d+) ms")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"keys recovered, started in (\d+) ms")]
    private static partial Regex GarnetLine();
}
