using System.Collections.Concurrent;

namespace Cwmp.Grains.Tests.Infrastructure;

/// <summary>Records connection requests and answers with a chosen outcome; tests can await the next request.</summary>
public sealed class FakeConnectionRequester : IConnectionRequester
{
    private readonly ConcurrentQueue<ConnectionRequestTarget> _targets = new();
    private TaskCompletionSource<ConnectionRequestTarget> _next = NewSignal();

    public ConnectionRequestOutcome Outcome { get; set; } = ConnectionRequestOutcome.Accepted;

    public IReadOnlyCollection<ConnectionRequestTarget> Targets => _targets;

    /// <summary>Completes when the next connection request is made (after this call).</summary>
    public Task<ConnectionRequestTarget> NextRequest => _next.Task;

    /// <summary>Arms <see cref="NextRequest"/> for the next request.</summary>
    public void Reset() => _next = NewSignal();

    public Task<ConnectionRequestOutcome> RequestAsync(ConnectionRequestTarget target, CancellationToken cancellationToken)
    {
        _targets.Enqueue(target);
        _next.TrySetResult(target);
        return Task.FromResult(Outcome);
    }

    private static TaskCompletionSource<ConnectionRequestTarget> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
