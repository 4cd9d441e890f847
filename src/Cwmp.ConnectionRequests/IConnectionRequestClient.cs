namespace Cwmp.ConnectionRequests;

/// <summary>Wakes a CPE so that it opens a CWMP session ("6 CONNECTION REQUEST").</summary>
public interface IConnectionRequestClient
{
    /// <summary>
    /// Sends one connection request: HTTP first when the URL is usable; when that finds the device unreachable (or
    /// the URL is unusable) and a UDP address is known, the UDP form. Never throws for network failures; throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<ConnectionRequestResult> RequestAsync(ConnectionRequestTarget target, CancellationToken cancellationToken);
}
