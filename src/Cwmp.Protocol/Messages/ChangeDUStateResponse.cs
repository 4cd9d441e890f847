using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>ChangeDUStateResponse (TR-069 A.4.1.10, CWMP 1.2): the CPE accepted the operations; a DUStateChangeComplete follows.</summary>
public sealed record ChangeDUStateResponse : CwmpResponse
{
    public override string MethodName => "ChangeDUStateResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static ChangeDUStateResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new ChangeDUStateResponse();
    }
}
