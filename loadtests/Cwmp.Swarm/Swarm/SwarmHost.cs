using System.Diagnostics;
using Cwmp.Protocol;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Swarm;

/// <summary>
/// A swarm: creates the devices (and measures what an idle one costs), starts the connection-request listeners and
/// the workers, lays out the scenario's first contacts, and runs until --duration or --max-sessions, whichever
/// comes first. Tests drive the same object with a fake clock.
/// </summary>
internal sealed class SwarmHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private ConnectionRequestServer? _httpListener;
    private UdpConnectionRequestListener? _udpListener;
    private Task[] _workers = [];
    private long _startTimestamp;

    public SwarmHost(SwarmOptions options, TimeProvider? timeProvider = null, IRandomSource? random = null)
    {
        Context = new SwarmContext(options, timeProvider ?? TimeProvider.System, random ?? SharedRandomSource.Instance);
        Runtime = new CpeRuntime(Context);
    }

    public SwarmContext Context { get; }

    public CpeRuntime Runtime { get; }

    public MemoryReport Memory { get; private set; } = new(0, 0, 0);

    public int ConnectionRequestPort => _httpListener?.Port ?? 0;

    public int UdpConnectionRequestPort => _udpListener?.Port ?? 0;

    internal UdpConnectionRequestListener? UdpListener => _udpListener;

    public SimulatedCpe Device(int index) => Context.Devices[index];

    /// <summary>Creates the devices, starts the listeners and the workers; no device talks before <see cref="StartScenario"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        SwarmOptions options = Context.Options;
        CreateDevices();
        if (options.EnableConnectionRequests)
        {
            _httpListener = await ConnectionRequestServer.StartAsync(Context, Runtime, options.ConnectionRequestPort, cancellationToken).ConfigureAwait(false);
            _udpListener = new UdpConnectionRequestListener(Context, Runtime, options.UdpConnectionRequestPort);
            Context.ConnectionRequestBaseUrl = $"http://127.0.0.1:{_httpListener.Port}/cr/";
            Context.UdpConnectionRequestAddress = $"127.0.0.1:{_udpListener.Port}";
        }

        _workers = Runtime.StartWorkers(options.Concurrency, _shutdown.Token);
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    internal void CreateDevices()
    {
        SwarmOptions options = Context.Options;
        IReadOnlyList<CpeProfile> quirks = options.QuirkProfiles is { } names
            ? [.. names.Select(n => CpeProfile.ByName(n) ?? throw new ArgumentException($"Unknown quirk profile '{n}'."))]
            : CpeProfile.Quirks;
        _ = TemplateLoader.Device2;
        _ = TemplateLoader.Igd;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var devices = new SimulatedCpe[options.Devices];
        for (int i = 0; i < devices.Length; i++)
        {
            DeviceTemplate template = DeviceHash.Unit(options.Seed, i, 1) < options.IgdShare ? TemplateLoader.Igd : TemplateLoader.Device2;
            CpeProfile profile = DeviceHash.Unit(options.Seed, i, 2) < options.QuirkShare
                ? quirks[(int)(DeviceHash.Unit(options.Seed, i, 3) * quirks.Count)]
                : CpeProfile.Standard;
            devices[i] = new SimulatedCpe(Context, i, template, profile, DeviceHash.Unit(options.Seed, i, 4) < options.ConnectionRequestShare);
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        Context.Devices = devices;
        Memory = new MemoryReport(devices.Length, before, after);
    }

    /// <summary>Lays out every device's first contact as the scenario says and hands them to the scheduler.</summary>
    public void StartScenario()
    {
        SwarmOptions options = Context.Options;
        long now = Context.NowTicks;
        FirstContact first = options.FirstContact ?? (options.Scenario == ScenarioKind.Storm ? FirstContact.Boot : FirstContact.Bootstrap);
        double spread = options.Scenario == ScenarioKind.Storm ? options.StormSeconds : options.RampSeconds ?? options.PeriodicIntervalSeconds;
        foreach (SimulatedCpe cpe in Context.Devices)
        {
            long at = now + (long)(DeviceHash.Unit(options.Seed, cpe.Index, 6) * spread * TimeSpan.TicksPerSecond);
            ScheduleFirstContact(cpe, first, at);
        }
    }

    /// <summary>One device's first contact at <paramref name="atTicks"/> (tests use it for single devices).</summary>
    public void ScheduleFirstContact(SimulatedCpe cpe, FirstContact first, long atTicks)
    {
        long interval = Context.Options.PeriodicIntervalSeconds * TimeSpan.TicksPerSecond;
        switch (first)
        {
            case FirstContact.Bootstrap:
                cpe.Bootstrapped = false;
                cpe.AddEvent(EventCodes.Bootstrap);
                cpe.AddEvent(EventCodes.Boot);
                cpe.BootedAtTicks = atTicks;
                cpe.NextPeriodicTicks = atTicks + interval;
                break;
            case FirstContact.Boot:
                cpe.Bootstrapped = true;
                cpe.AddEvent(EventCodes.Boot);
                cpe.BootedAtTicks = atTicks;
                cpe.NextPeriodicTicks = atTicks + interval;
                break;
            default:
                cpe.Bootstrapped = true;
                cpe.BootedAtTicks = atTicks - (long)(DeviceHash.Unit(Context.Options.Seed, cpe.Index, 5) * TimeSpan.FromDays(30).Ticks);
                cpe.NextPeriodicTicks = atTicks;
                break;
        }

        Runtime.Scheduler.Schedule(cpe, atTicks);
    }

    /// <summary>A whole bounded run: start, scenario, progress every second, stop at --duration or --max-sessions, report.</summary>
    public async Task<SwarmReport> RunAsync(TextWriter? progress, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        StartScenario();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task mixed = Context.Options.Scenario == ScenarioKind.Mixed ? DriveMixedAsync(run.Token) : Task.CompletedTask;
        Task report = progress is null ? Task.CompletedTask : ReportProgressAsync(progress, run.Token);
        Task deadline = Task.Delay(Context.Options.Duration, Context.TimeProvider, run.Token);
        Task allInformed = Context.Options.UntilAllInformed ? Context.AllInformed.Task : Task.Delay(Timeout.Infinite, run.Token);
        await Task.WhenAny(deadline, Context.LimitReached.Task, allInformed).ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
        await run.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(mixed.ContinueWith(static _ => { }, TaskScheduler.Default), report.ContinueWith(static _ => { }, TaskScheduler.Default)).ConfigureAwait(false);
        return Report();
    }

    /// <summary>Stops starting sessions, lets the ones in flight finish (bounded by the session timeout) and stops the workers.</summary>
    public async Task StopAsync()
    {
        Context.Stop();
        Runtime.Complete();
        Task all = Task.WhenAll(_workers);
        Task grace = Task.Delay(Context.Options.SessionTimeout + TimeSpan.FromSeconds(5), TimeProvider.System);
        if (await Task.WhenAny(all, grace).ConfigureAwait(false) != all)
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    public SwarmReport Report()
    {
        long allInformed = Context.AllInformedTimestamp;
        TimeSpan? allInformedAfter = allInformed == 0 ? null : Stopwatch.GetElapsedTime(_startTimestamp, allInformed);
        return SwarmReport.Create(Context, Memory, Stopwatch.GetElapsedTime(_startTimestamp)) with { AllInformedAfter = allInformedAfter };
    }

    private async Task ReportProgressAsync(TextWriter output, CancellationToken cancellationToken)
    {
        long last = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Context.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            SwarmStatistics s = Context.Statistics;
            long finished = s.SessionsFinished;
            await output.WriteLineAsync(ProgressLine.Format(Stopwatch.GetElapsedTime(_startTimestamp), s, finished - last)).ConfigureAwait(false);
            last = finished;
        }
    }

    /// <summary>Mixed scenario: each second, subscribers change settings and some devices lose power, at the configured hourly rates.</summary>
    private async Task DriveMixedAsync(CancellationToken cancellationToken)
    {
        SwarmOptions options = Context.Options;
        double changes = 0, cycles = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Context.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false) && !Context.Stopping)
        {
            changes += options.Devices * options.ValueChangesPerHour / 3600;
            cycles += options.Devices * options.PowerCyclesPerHour / 3600;
            for (; changes >= 1; changes--)
            {
                Runtime.Raise(RandomDevice(), CpeSignal.UserChange);
            }

            for (; cycles >= 1; cycles--)
            {
                Runtime.Raise(RandomDevice(), CpeSignal.PowerCycle);
            }
        }
    }

    private SimulatedCpe RandomDevice() => Context.Devices[(int)(Context.Random.NextDouble() * Context.Devices.Length) % Context.Devices.Length];

    public async ValueTask DisposeAsync()
    {
        if (!Context.Stopping)
        {
            await StopAsync().ConfigureAwait(false);
        }

        Runtime.Scheduler.Dispose();
        if (_httpListener is not null)
        {
            await _httpListener.DisposeAsync().ConfigureAwait(false);
        }

        if (_udpListener is not null)
        {
            await _udpListener.DisposeAsync().ConfigureAwait(false);
        }

        Context.Dispose();
        _shutdown.Dispose();
    }
}

/// <summary>The managed heap before and after the devices were created.</summary>
internal sealed record MemoryReport(int Devices, long HeapBefore, long HeapAfter)
{
    public double BytesPerIdleDevice => Devices == 0 ? 0 : (HeapAfter - HeapBefore) / (double)Devices;
}
