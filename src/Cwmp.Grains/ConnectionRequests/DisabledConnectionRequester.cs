namespace Cwmp.Grains;

/// <summary>
/// The connection requester of a silo that has none configured: nothing is sent, and the caller learns that the
/// device could not be reached, so queued tasks simply wait for the device's next session.
/// </summary>
public sealed class DisabledConnectionRequester : IConnectionRequester
{
    public Task<ConnectionRequestOutcome> RequestAsync(ConnectionRequestTarget target, CancellationToken cancellationToken) =>
        Task.FromResult(ConnectionRequestOutcome.Unreachable);
}
