using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>What the gateway answers to one POST.</summary>
/// <param name="Kind">How to answer (see <see cref="SessionReplyKind"/>).</param>
/// <param name="SessionId">The session this POST belongs to: the gateway sets it as the session cookie.</param>
/// <param name="Envelope">The envelope to write (for <see cref="SessionReplyKind.Envelope"/>).</param>
/// <param name="Quirks">How to write it for this device.</param>
/// <param name="RetryAfter">For <see cref="SessionReplyKind.Busy"/>: the Retry-After to send.</param>
/// <param name="Reason">For <see cref="SessionReplyKind.Rejected"/>: why, for the log and the problem text.</param>
[GenerateSerializer, Immutable, Alias("cwmp.SessionReply")]
public sealed record SessionReply(
    [property: Id(0)] SessionReplyKind Kind,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] CwmpEnvelope? Envelope,
    [property: Id(3)] DeviceQuirks Quirks,
    [property: Id(4)] TimeSpan? RetryAfter = null,
    [property: Id(5)] string? Reason = null);

/// <summary>How the gateway answers a POST.</summary>
[GenerateSerializer, Alias("cwmp.SessionReplyKind")]
public enum SessionReplyKind
{
    /// <summary>200 with <see cref="SessionReply.Envelope"/> (an InformResponse, a response, an ACS request or a fault).</summary>
    Envelope = 0,

    /// <summary>204 No Content: the ACS has nothing more; the session ends.</summary>
    EndSession = 1,

    /// <summary>503 with Retry-After: the device or the cluster cannot take the session now.</summary>
    Busy = 2,

    /// <summary>400: the POST does not fit the session (no open session, wrong session, not an Inform first).</summary>
    Rejected = 3,

    /// <summary>403: the authenticated identity is not this device's.</summary>
    Forbidden = 4,
}
