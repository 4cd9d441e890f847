using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetAllQueuedTransfers (TR-069 A.4.1.7, CWMP 1.1): asks for every queued transfer, whoever requested it.</summary>
public sealed record GetAllQueuedTransfers : CwmpRequest
{
    public override string MethodName => "GetAllQueuedTransfers";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version11;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static GetAllQueuedTransfers Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new GetAllQueuedTransfers();
    }
}
