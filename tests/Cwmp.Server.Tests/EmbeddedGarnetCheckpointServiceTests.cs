using System.Threading.Channels;
using Cwmp.Server.Hosting;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Server.Tests;

public sealed class EmbeddedGarnetCheckpointServiceTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Checkpoints_once_per_elapsed_interval()
    {
        var time = new FakeTimeProvider();
        var checkpointer = new RecordingCheckpointer();
        using var service = NewService(checkpointer, time, Interval);
        await service.StartAsync(CancellationToken.None);

        time.Advance(Interval - TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await checkpointer.NextAsync("the first checkpoint after one interval"));

        time.Advance(Interval);
        Assert.Equal(2, await checkpointer.NextAsync("the second checkpoint after two intervals"));

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(2, checkpointer.Calls);
    }

    [Fact]
    public async Task A_failed_checkpoint_does_not_stop_the_next_one()
    {
        var time = new FakeTimeProvider();
        var checkpointer = new RecordingCheckpointer { FailFirst = true };
        using var service = NewService(checkpointer, time, Interval);
        await service.StartAsync(CancellationToken.None);

        time.Advance(Interval);
        Assert.Equal(1, await checkpointer.NextAsync("the failing first checkpoint"));
        time.Advance(Interval);
        Assert.Equal(2, await checkpointer.NextAsync("the checkpoint after the failed one"));

        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_zero_interval_disables_periodic_checkpoints()
    {
        var time = new FakeTimeProvider();
        var checkpointer = new RecordingCheckpointer();
        using var service = NewService(checkpointer, time, TimeSpan.Zero);
        await service.StartAsync(CancellationToken.None);

        time.Advance(Interval * 3);
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(0, checkpointer.Calls);
    }

    private static EmbeddedGarnetCheckpointService NewService(IGarnetCheckpointer checkpointer, TimeProvider time, TimeSpan interval) =>
        new(checkpointer, new EmbeddedGarnetSettings("/unused", 1, interval, true), time,
            NullLogger<EmbeddedGarnetCheckpointService>.Instance);

    private sealed class RecordingCheckpointer : IGarnetCheckpointer
    {
        private readonly Channel<int> _calls = Channel.CreateUnbounded<int>();
        private int _count;

        public bool FailFirst { get; init; }

        public int Calls => Volatile.Read(ref _count);

        public Task CheckpointAsync(CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _count);
            _calls.Writer.TryWrite(call);
            return FailFirst && call == 1
                ? Task.FromException(new IOException("disk full"))
                : Task.CompletedTask;
        }

        public async Task<int> NextAsync(string what) =>
            await Within.Await(_calls.Reader.ReadAsync().AsTask(), Within.Call, what);
    }
}
