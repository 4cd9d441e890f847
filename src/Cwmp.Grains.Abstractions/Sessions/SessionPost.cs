using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>
/// One HTTP POST of a CWMP session as the gateway hands it to the device grain: already authenticated and parsed.
/// </summary>
/// <param name="SessionId">The session the gateway found for this POST (cookie or fallback); null for an Inform.</param>
/// <param name="Envelope">The parsed envelope; null for the empty POST.</param>
/// <param name="RemoteAddress">The CPE's IP address as the gateway saw it (after trusted proxies).</param>
/// <param name="AuthenticatedAs">The identity the gateway authenticated (the HTTP username), or null when authentication is off.</param>
/// <param name="ReceivedAt">When the gateway received the POST.</param>
[GenerateSerializer, Immutable, Alias("cwmp.SessionPost")]
public sealed record SessionPost(
    [property: Id(0)] string? SessionId,
    [property: Id(1)] CwmpEnvelope? Envelope,
    [property: Id(2)] string RemoteAddress,
    [property: Id(3)] string? AuthenticatedAs,
    [property: Id(4)] DateTimeOffset ReceivedAt);
