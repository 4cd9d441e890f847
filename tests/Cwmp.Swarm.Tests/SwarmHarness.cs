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

    /// <summary>The device's first contact now; returns when the device's turn after that session has ended.</summary>
    public async Task<ReceivedInform> FirstContactAsync(int index = 0, FirstContact first = FirstContact.Bootstrap)
    {
        await SessionAsync(index, () => Swarm.ScheduleFirstContact(Device(index), first, Time.GetUtcNow().UtcTicks));
        return Acs.InformsOf(Key(index))[^1];
    }

    /// <summary>Advances the fake clock and waits for the session that starts because of it (and the end of its turn).</summary>
    public async Task<ReceivedInform> AdvanceToSessionAsync(TimeSpan by, int index = 0)
    {
        await SessionAsync(index, () => Time.Advance(by));
        return Acs.InformsOf(Key(index))[^1];
    }

    /// <summary>
    /// Does something that makes the device hold one more session, then waits until the ACS has ended it and the
    /// device has finished the turn it ran in (so that what the session scheduled is in place).
    /// </summary>
    public async Task SessionAsync(int index, Action action)
    {
        string key = Key(index);
        int target = Acs.EndedSessions.Count(k => k == key) + 1;
        Task turn = WaitForTurnAsync(_ => Acs.EndedSessions.Count(k => k == key) >= target, $"session {target} of {key} and the end of its turn", index);
        action();
        await turn;
    }

    /// <summary>Waits until a turn of the device ends with the condition true; subscribe before causing the turn.</summary>
    public Task WaitForTurnAsync(Func<SimulatedCpe, bool> condition, string what, int index = 0)
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
        return WaitAsync();

        async Task WaitAsync()
        {
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
    }

    /// <summary>The CPE's answers to the requests queued for this session, in order.</summary>
    public async Task<IReadOnlyList<CwmpMessage>> RunRpcsAsync(params CwmpRequest[] requests)
    {
        int before = Acs.ExchangesOf(Key()).Count;
        Acs.Enqueue(Key(), requests);
        await SessionAsync(0, () => Swarm.Runtime.Raise(Device(), CpeSignal.ConnectionRequest));
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
