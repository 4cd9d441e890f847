using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetQueuedTransfers (TR-069 A.4.1.1, deprecated by GetAllQueuedTransfers): asks for the transfers the ACS queued.</summary>
public sealed record GetQueuedTransfers : CwmpRequest
{
    public override string MethodName => "GetQueuedTransfers";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static GetQueuedTransfers Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new GetQueuedTransfers();
    }
}
