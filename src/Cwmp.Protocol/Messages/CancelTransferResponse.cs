using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>CancelTransferResponse (TR-069 A.4.1.9, CWMP 1.2): the transfer was removed from the CPE's queue.</summary>
public sealed record CancelTransferResponse : CwmpResponse
{
    public override string MethodName => "CancelTransferResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static CancelTransferResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new CancelTransferResponse();
    }
}
