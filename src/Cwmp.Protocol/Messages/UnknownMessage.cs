using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// An RPC this library does not know (a vendor method, a future one). The parser returns it instead of failing, so
/// that the ACS can answer with fault 8000 Method not supported and the request's cwmp:ID. Its content was skipped
/// when parsing, so it is written as an empty element: enough to carry it across processes and parse it back to the
/// same message, never meant for a CPE.
/// </summary>
public sealed record UnknownMessage(string Name) : CwmpRequest
{
    public override string MethodName => Name;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        // Nothing was kept of the content: the element name is the whole message.
    }
}
