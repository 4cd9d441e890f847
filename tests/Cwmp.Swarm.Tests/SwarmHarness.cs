using Cwmp.Protocol;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Swarm;
using Cwmp.Swarm.Tests.Acs;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Swarm.Tests;

/// <summary>A mini-ACS and a small swarm pointed at it, on a fake clock (network I/O stays real, on loopback).</summary>
internal sealed class SwarmHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private SwarmHarness(MiniAcs acs, SwarmHost swarm, FakeTimeProvider time)
    {
        Acs = acs;
        Swarm = swarm;
        Time = time;
    }

    public MiniAcs Acs { get; }

    public SwarmHost Swarm { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<SwarmHarness> StartAsync(Func<SwarmOptions, SwarmOptions>? configure = null, int devices = 1, double random = 0.5)
    {
        MiniAcs acs = await MiniAcs.StartAsync();
        var options = new SwarmOptions
        {
            AcsUrl = acs.Url,
            Devices = devices,
            Concurrency = 4,
            IgdShare = 0,
            PeriodicIntervalSeconds = 3600,
            PeriodicJitter = 0,
            Progress = false,
            OutputPath = null,
        };
        options = configure?.Invoke(options) ?? options;
        var time = new FakeTimeProvider(Start);
        var swarm = new SwarmHost(options, time, new FixedRandom(random));
        await swarm.StartAsync();
        return new SwarmHarness(acs, swarm, time);
    }

    public SimulatedCpe Device(int index = 0) => Swarm.Device(index);

    public string Key(int index = 0) => Swarm.Device(index).DeviceKey;

    /// <summary>The device's first contact now; returns when the ACS has ended that session.</summary>
    public async Task<ReceivedInform> FirstContactAsync(int index = 0, FirstContact first = FirstContact.Bootstrap)
    {
        int before = Acs.EndedSessions.Count(k => k == Key(index));
        Swarm.ScheduleFirstContact(Device(index), first, Time.GetUtcNow().UtcTicks);
        await Acs.WaitForSessionsAsync(Key(index), before + 1);
        return Acs.InformsOf(Key(index))[^1];
    }

    /// <summary>Advances the fake clock and waits for the session that starts because of it.</summary>
    public async Task<ReceivedInform> AdvanceToSessionAsync(TimeSpan by, int index = 0)
    {
        int before = Acs.EndedSessions.Count(k => k == Key(index));
        Time.Advance(by);
        await Acs.WaitForSessionsAsync(Key(index), before + 1);
        return Acs.InformsOf(Key(index))[^1];
    }

    /// <summary>Waits until a turn of the device ends with the condition true.</summary>
    public async Task WaitForTurnAsync(Func<SimulatedCpe, bool> condition, string what, int index = 0)
    {
        SimulatedCpe cpe = Device(index);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnTurn(SimulatedCpe turned)
        {
            if (turned == cpe && condition(turned))
            {
                done.TrySetResult();
            }
        }

        Swarm.Runtime.TurnCompleted += OnTurn;
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}.");
        }
        finally
        {
            Swarm.Runtime.TurnCompleted -= OnTurn;
        }
    }

    /// <summary>The CPE's answers to the requests queued for this session, in order.</summary>
    public async Task<IReadOnlyList<CwmpMessage>> RunRpcsAsync(params CwmpRequest[] requests)
    {
        int before = Acs.ExchangesOf(Key()).Count;
        Acs.Enqueue(Key(), requests);
        Device().Raise(CpeSignal.ConnectionRequest);
        int sessions = Acs.EndedSessions.Count(k => k == Key());
        Swarm.Runtime.Wake(Device());
        await Acs.WaitForSessionsAsync(Key(), sessions + 1);
        return [.. Acs.ExchangesOf(Key()).Skip(before).Select(e => e.Answer)];
    }

    public async ValueTask DisposeAsync()
    {
        await Swarm.DisposeAsync();
        await Acs.DisposeAsync();
    }
}

/// <summary>Dice that always show the same value.</summary>
internal sealed class FixedRandom(double value) : IRandomSource
{
    public double NextDouble() => value;
}
