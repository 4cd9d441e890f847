using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// An RPC this library does not know (a vendor method, a future one). The parser returns it instead of failing, so
/// that the ACS can answer with fault 8000 Method not supported and the request's cwmp:ID. Never written.
/// </summary>
public sealed record UnknownMessage(string Name) : CwmpRequest
{
    public override string MethodName => Name;

    internal override void WriteContent(CwmpXmlWriter writer) =>
        throw new InvalidOperationException($"An unknown message ({Name}) cannot be written.");
}
