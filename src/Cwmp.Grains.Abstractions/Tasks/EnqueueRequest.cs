using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>RPCs to queue for a device, in order.</summary>
/// <param name="Requests">ACS→CPE requests (GetParameterValues, SetParameterValues, Download, …).</param>
/// <param name="ConnectionRequest">Wake the device now with a connection request instead of waiting for its next session.</param>
/// <param name="Wait">How long to wait for the tasks to finish before returning; null or zero returns at once.</param>
/// <param name="Requester">Who asked (for the audit trail and the task record).</param>
[GenerateSerializer, Immutable, Alias("cwmp.EnqueueRequest")]
public sealed record EnqueueRequest(
    [property: Id(0)] IReadOnlyList<CwmpRequest> Requests,
    [property: Id(1)] bool ConnectionRequest = false,
    [property: Id(2)] TimeSpan? Wait = null,
    [property: Id(3)] string? Requester = null);

/// <summary>The queued tasks and, when asked to wait, how far they got.</summary>
/// <param name="Tasks">One view per request, in order.</param>
/// <param name="ConnectionRequest">What the connection request did, when one was asked for.</param>
[GenerateSerializer, Immutable, Alias("cwmp.EnqueueResult")]
public sealed record EnqueueResult(
    [property: Id(0)] IReadOnlyList<DeviceTaskView> Tasks,
    [property: Id(1)] ConnectionRequestOutcome? ConnectionRequest);

/// <summary>How a connection request ended.</summary>
[GenerateSerializer, Alias("cwmp.ConnectionRequestOutcome")]
public enum ConnectionRequestOutcome
{
    /// <summary>The CPE answered 200/204: a session follows.</summary>
    Accepted = 0,

    /// <summary>A session is open already: the tasks run in it.</summary>
    SessionOpen = 1,

    /// <summary>Not sent: the last one was too recent (per-device throttle).</summary>
    Throttled = 2,

    /// <summary>The CPE refused our credentials.</summary>
    Unauthorized = 3,

    /// <summary>Refused, reset, timed out or 503: offline or busy.</summary>
    Unreachable = 4,

    /// <summary>No ConnectionRequestURL is known, or it is not allowed (loopback, link-local, metadata).</summary>
    NoUsableUrl = 5,

    /// <summary>A UDP connection request (TR-111) was sent; UDP has no answer.</summary>
    UdpSent = 6,
}
