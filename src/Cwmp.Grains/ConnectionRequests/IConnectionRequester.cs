namespace Cwmp.Grains;

/// <summary>
/// Wakes a CPE so that it opens a session (checklist §4): an HTTP connection request to its ConnectionRequestURL, or a
/// UDP one (TR-111) to its UDPConnectionRequestAddress. The device grain decides when; an implementation decides how,
/// including throttling and the address policy.
/// </summary>
public interface IConnectionRequester
{
    /// <summary>Sends one connection request and tells how it ended.</summary>
    Task<ConnectionRequestOutcome> RequestAsync(ConnectionRequestTarget target, CancellationToken cancellationToken);
}
