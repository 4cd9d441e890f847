using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Cwmp.CampaignBench;
using Cwmp.Grains;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

// The fan-out figures of issue 7 (docs/campaigns.md): how long a campaign of N targets takes to start and how many
// messages that costs, and how fast the shard workers hand devices their jobs. One silo in this process, the device
// index in the redis-server named by --redis (loopback only).
BenchOptions options = BenchOptions.Parse(args);
var calls = new CallCounter();
IHostBuilder builder = Host.CreateDefaultBuilder()
    .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
    .UseOrleans(silo =>
    {
        silo.UseLocalhostClustering();
        silo.AddMemoryGrainStorage(CwmpStorageNames.Devices);
        silo.AddMemoryGrainStorage(CwmpStorageNames.Campaigns);
        silo.UseInMemoryReminderService();
        silo.AddIncomingGrainCallFilter(calls);
        silo.Services.AddCwmpGrains();
        silo.Services.AddInMemoryParameterStore();
        silo.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options.Redis));
        silo.Services.AddRedisDeviceIndex(o => o.ShardCount = options.Shards);
        silo.Services.Configure<CampaignOptions>(o => (o.TickInterval, o.PageSize, o.MaxPagesPerTick) = (TimeSpan.FromMilliseconds(100), 1000, 8));
    });
using IHost host = builder.Build();
await host.StartAsync();
IDeviceIndex index = host.Services.GetRequiredService<IDeviceIndex>();
IGrainFactory grains = host.Services.GetRequiredService<IGrainFactory>();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaign bench: {options.Devices:N0} index entries, {options.Shards} shards, {options.Dispatch:N0} dispatched, redis {options.Redis}"));
var clock = Stopwatch.StartNew();
await Fleet.IndexAsync(index, options.Devices, options.Dispatch);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index written: {options.Devices:N0} entries in {clock.Elapsed.TotalSeconds:F1} s ({options.Devices / clock.Elapsed.TotalSeconds:N0}/s)"));

// 1. Start: the campaign counts its target per shard and directs one worker per shard; nothing per device.
string startId = "bench-start-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
ICampaignGrain starting = grains.GetGrain<ICampaignGrain>(startId);
await starting.CreateAsync(Fleet.Campaign([Fleet.AllTag], startsPerMinute: 1));
calls.Reset();
clock.Restart();
CampaignProgress started = await starting.StartAsync();
TimeSpan startTime = clock.Elapsed;

// Directives are one-way: they are counted as the workers receive them.
long startDirectives = await calls.SettleAsync("ICampaignShardGrain.Direct", options.Shards, TimeSpan.FromSeconds(10));
IReadOnlyDictionary<string, long> startCalls = calls.Snapshot();
await starting.CancelAsync();
await calls.SettleAsync("ICampaignShardGrain.Direct", startDirectives + options.Shards, TimeSpan.FromSeconds(10));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"start: {started.Targeted:N0} targets in {started.WaveCount} waves, StartAsync took {startTime.TotalMilliseconds:F0} ms; "
    + $"{options.Shards} index counts; directives sent {startDirectives}; grain calls in all {startCalls.Values.Sum()} ({string.Join(", ", startCalls.Select(c => $"{c.Key} {c.Value}"))})"));

// 2. Dispatch: the workers hand every one of the first devices its job, at an unlimited rate.
string dispatchId = "bench-dispatch-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
ICampaignGrain dispatching = grains.GetGrain<ICampaignGrain>(dispatchId);
await dispatching.CreateAsync(Fleet.Campaign([Fleet.DispatchTag], startsPerMinute: 100_000_000));
calls.Reset();
clock.Restart();
CampaignProgress progress = await dispatching.StartAsync();
TimeSpan limit = TimeSpan.FromSeconds(options.TimeoutSeconds);
while (progress.Status != CampaignStatus.Completed && clock.Elapsed < limit)
{
    await Task.Delay(TimeSpan.FromMilliseconds(200));
    progress = (await dispatching.GetProgressAsync())!;
}

TimeSpan dispatchTime = clock.Elapsed;
IReadOnlyDictionary<string, long> dispatchCalls = calls.Snapshot();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"dispatch: {progress.Counts.Started:N0} devices handed their job in {dispatchTime.TotalSeconds:F1} s ({progress.Counts.Started / dispatchTime.TotalSeconds:N0}/s), status {progress.Status}; "
    + $"device calls {dispatchCalls.GetValueOrDefault("IDeviceCampaignJobs.StartCampaignJob"):N0}, worker reports {dispatchCalls.GetValueOrDefault("ICampaignGrain.Report"):N0}, "
    + $"directives {dispatchCalls.GetValueOrDefault("ICampaignShardGrain.Direct")}"));
Console.WriteLine("calls during dispatch: " + string.Join(", ", dispatchCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}")));
await host.StopAsync();
return progress.Status == CampaignStatus.Completed && progress.Counts.Started == options.Dispatch ? 0 : 1;
