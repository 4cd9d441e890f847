namespace Cwmp.ConnectionRequests;

/// <summary>
/// How a connection request ended. The members and their values mirror <c>Cwmp.Grains.ConnectionRequestOutcome</c>
/// one to one; this library does not reference Orleans, so the grain side maps between the two.
/// </summary>
public enum ConnectionRequestResult
{
    /// <summary>The CPE answered 2xx (normally 200 or 204): a session follows.</summary>
    Accepted = 0,

    /// <summary>
    /// A session is open already: the tasks run in it. Only the grain knows this; the client never returns it and
    /// keeps the member so that the two enums stay identical.
    /// </summary>
    SessionOpen = 1,

    /// <summary>Not sent: the last one to this device was too recent (per-device throttle).</summary>
    Throttled = 2,

    /// <summary>The CPE refused our credentials (401 after our answer, or a challenge we may not answer).</summary>
    Unauthorized = 3,

    /// <summary>Refused, reset, timed out, 503 or another non-success status: offline or busy.</summary>
    Unreachable = 4,

    /// <summary>
    /// Nothing was sent to the device: no ConnectionRequestURL or UDP address is known, or every address it names is
    /// refused by the address policy (loopback, link-local, cloud metadata, …).
    /// </summary>
    NoUsableUrl = 5,

    /// <summary>A UDP connection request (TR-111 / Annex G) was sent; UDP has no answer.</summary>
    UdpSent = 6,
}
