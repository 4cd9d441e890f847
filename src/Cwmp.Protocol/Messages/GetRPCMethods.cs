using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetRPCMethods, in either direction: asks the other side which methods it supports.</summary>
public sealed record GetRPCMethods : CwmpRequest
{
    public override string MethodName => "GetRPCMethods";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static GetRPCMethods Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new GetRPCMethods();
    }
}
