using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>RebootResponse (TR-069 A.3.2.9): the CPE accepted the Reboot; it reboots after the session ends.</summary>
public sealed record RebootResponse : CwmpResponse
{
    public override string MethodName => "RebootResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static RebootResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new RebootResponse();
    }
}
