using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>FactoryReset (TR-069 A.4.1.6): the CPE resets to factory defaults after the session; its next Inform carries 0 BOOTSTRAP.</summary>
public sealed record FactoryReset : CwmpRequest
{
    public override string MethodName => "FactoryReset";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static FactoryReset Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new FactoryReset();
    }
}
