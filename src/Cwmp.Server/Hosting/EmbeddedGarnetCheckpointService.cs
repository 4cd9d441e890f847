namespace Cwmp.Server.Hosting;

/// <summary>
/// Checkpoints the embedded store on a fixed interval so that its AOF, and with it the replay at the next start,
/// stays bounded. Time comes from the injected <see cref="TimeProvider"/> so tests can drive it.
/// </summary>
internal sealed partial class EmbeddedGarnetCheckpointService(
    IGarnetCheckpointer checkpointer,
    EmbeddedGarnetSettings settings,
    TimeProvider timeProvider,
    ILogger<EmbeddedGarnetCheckpointService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PeriodicTimer? _timer;
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.CheckpointInterval <= TimeSpan.Zero)
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        // Created here rather than in the loop so that the first period is measured from start-up, not from
        // whenever the loop task happens to be scheduled.
        _timer = new PeriodicTimer(settings.CheckpointInterval, timeProvider);
        _loop = RunAsync(_timer, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _timer?.Dispose();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await checkpointer.CheckpointAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed checkpoint only lets the AOF grow until the next one; it must not stop the loop.
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
