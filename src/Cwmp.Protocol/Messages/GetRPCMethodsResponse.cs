using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetRPCMethodsResponse: the method names the sender supports.</summary>
public sealed record GetRPCMethodsResponse(EquatableArray<string> MethodList) : CwmpResponse
{
    public override string MethodName => "GetRPCMethodsResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("MethodList"u8, MethodList);

    internal static GetRPCMethodsResponse Read(CwmpElementReader reader)
    {
        EquatableArray<string> methods = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "MethodList")
                {
                    methods = reader.ReadStringArray();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetRPCMethodsResponse(methods);
    }
}
