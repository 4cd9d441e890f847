using Garnet;
using StackExchange.Redis;

namespace Cwmp.Server.Hosting;

/// <summary>
/// Runs Garnet inside this process so that a single-node installation uses the very same Orleans Redis providers
/// as a production cluster. Registered before Orleans: the host starts it before the silo and stops it after.
/// </summary>
internal sealed partial class EmbeddedGarnetServer(
    EmbeddedGarnetSettings settings,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    ILogger<EmbeddedGarnetServer> logger) : IHostedService, IGarnetCheckpointer, IAsyncDisposable
{
    // A checkpoint must never overlap the shutdown sequence, nor another checkpoint.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GarnetServer? _server;
    private ConnectionMultiplexer? _admin;
    private int _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        Directory.CreateDirectory(settings.CheckpointDirectory);
        var server = new GarnetServer(EmbeddedGarnetArguments.For(settings), new EmbeddedGarnetLoggerFactory(loggerFactory));
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose(deleteDir: false);
            throw;
        }

        _server = server;
        _admin = await ConnectionMultiplexer.ConnectAsync(
            new ConfigurationOptions { EndPoints = { settings.ConnectionString }, AllowAdmin = true, ClientName = "cwmp-embedded-admin" })
            .ConfigureAwait(false);
        var keys = await Admin.DatabaseSizeAsync().ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            LogStarted(logger, settings.ConnectionString, settings.DataDirectory, keys, elapsedMs);
        }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_server is null)
            {
                return;
            }

            await CheckpointCoreAsync("periodic").ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The shutdown token only bounds how long the host waits; the AOF commit and the checkpoint still run,
        // because dropping them would lengthen the next start's replay or lose the tail.
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var server = _server;
            if (server is null)
            {
                return;
            }

            try
            {
                await server.Store.CommitAOFAsync(CancellationToken.None).ConfigureAwait(false);
                await server.Store.WaitForCommitAsync(CancellationToken.None).ConfigureAwait(false);
                await CheckpointCoreAsync("shutdown").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or IOException or InvalidOperationException)
            {
                // The AOF still holds every acknowledged write; the next start replays it.
                LogShutdownCheckpointFailed(logger, ex);
            }
            finally
            {
                DisposeServer();
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                var bytes = DataFolderSize.Of(settings.DataDirectory);
                LogStopped(logger, settings.DataDirectory, bytes);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this instance once per registration (as itself and as a hosted service).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            DisposeServer();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private IServer Admin => _admin!.GetServer(settings.ConnectionString);

    private async Task CheckpointCoreAsync(string reason)
    {
        var started = timeProvider.GetTimestamp();
        // Garnet's SAVE takes a Tsavorite checkpoint that does not block other clients, unlike Redis' SAVE, and
        // it answers only when the checkpoint is durable, which is what the shutdown path needs.
        await Admin.ExecuteAsync("SAVE").ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            var bytes = DataFolderSize.Of(settings.DataDirectory);
            LogCheckpoint(logger, reason, elapsedMs, bytes);
        }
    }

    private void DisposeServer()
    {
        _admin?.Dispose();
        _admin = null;
        // Dispose() without an argument would delete the log and checkpoint folders.
        _server?.Dispose(deleteDir: false);
        _server = null;
    }
}
