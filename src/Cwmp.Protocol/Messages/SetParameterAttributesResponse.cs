using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>SetParameterAttributesResponse: empty; the attributes were accepted.</summary>
public sealed record SetParameterAttributesResponse : CwmpResponse
{
    public override string MethodName => "SetParameterAttributesResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static SetParameterAttributesResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new SetParameterAttributesResponse();
    }
}
