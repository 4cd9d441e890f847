using StackExchange.Redis;

namespace Cwmp.Server.Hosting;

/// <summary>
/// The parameter store's Redis connection, opened asynchronously while the host starts (after the embedded store,
/// whose hosted service is registered first) rather than synchronously on a device grain's first activation.
/// </summary>
/// <remarks>
/// Measured with the benchmark (docs/performance.md): connecting lazily inside the singleton factory blocked a
/// thread-pool thread on the first activation while hundreds of others waited on the same singleton, and under a
/// boot storm the connect itself then timed out, so the whole first wave of sessions got 503 "busy".
/// </remarks>
internal sealed partial class ParameterStoreConnection(ConfigurationOptions options, ILogger<ParameterStoreConnection> logger) : IHostedService, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>The connection; if something needs it before the host started, it is opened then, as before.</summary>
    public IConnectionMultiplexer Multiplexer
    {
        get
        {
            if (Volatile.Read(ref _multiplexer) is { } connected)
            {
                return connected;
            }

            lock (_lock)
            {
                return _multiplexer ??= ConnectionMultiplexer.Connect(options);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _multiplexer) is not null)
        {
            return;
        }

        // AbortOnConnectFail=false (set by the caller): a store that is not there yet gives a connection that keeps
        // retrying, not a failed start.
        ConnectionMultiplexer? opened = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        ConnectionMultiplexer current;
        lock (_lock)
        {
            current = _multiplexer ??= opened;
        }

        if (!ReferenceEquals(current, opened))
        {
            // Something needed the connection while this one was opening; keep that one.
            await opened.DisposeAsync().ConfigureAwait(false);
        }

        if (!current.IsConnected)
        {
            LogNotConnectedAtStart(logger, options.ToString(includePassword: false));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning,
        Message = "The parameter store's connection to {Endpoint} is not up at start; it keeps retrying, and device sessions get 503 until it is")]
    private static partial void LogNotConnectedAtStart(ILogger logger, string endpoint);
}
