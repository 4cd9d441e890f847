using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>FactoryResetResponse (TR-069 A.4.1.6): the CPE accepted the FactoryReset.</summary>
public sealed record FactoryResetResponse : CwmpResponse
{
    public override string MethodName => "FactoryResetResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static FactoryResetResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new FactoryResetResponse();
    }
}
