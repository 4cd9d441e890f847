using Microsoft.Extensions.Logging;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>
/// A logger provider added to a running host so that a test can wait for the moment something happened inside a
/// grain (the log line it writes then) instead of polling or sleeping.
/// </summary>
internal sealed class LogSignal : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int EventId, string Fragment, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes when a log entry with this event id whose message contains <paramref name="fragment"/> is written.</summary>
    public Task WhenLogged(int eventId, string fragment)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((eventId, fragment, signal));
        }

        return signal.Task;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Written(EventId eventId, string message)
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.EventId == eventId.Id && message.Contains(w.Fragment, StringComparison.Ordinal)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(LogSignal owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Written(eventId, formatter(state, exception));
    }
}
