using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests.Acs;

/// <summary>One POST the mini-ACS received, as it came over the wire.</summary>
internal sealed record ReceivedPost(
    string? DeviceKey,
    string? ContentType,
    string? TransferEncoding,
    string? Cookie,
    string? Authorization,
    string Body,
    CwmpEnvelope? Envelope);

/// <summary>An Inform the mini-ACS acknowledged, with the session it opened.</summary>
internal sealed record ReceivedInform(string DeviceKey, string SessionId, CwmpEnvelope Envelope, Inform Inform)
{
    public IReadOnlyList<string> EventCodes => [.. Inform.Events.AsSpan().ToArray().Select(e => e.EventCode)];

    public string? Parameter(string name) => Inform.ParameterList.AsSpan().ToArray().FirstOrDefault(p => p.Name == name)?.Value;
}

/// <summary>A request the mini-ACS sent and the CPE's answer to it.</summary>
internal sealed record Exchange(string DeviceKey, string SessionId, CwmpRequest Request, CwmpMessage Answer);
