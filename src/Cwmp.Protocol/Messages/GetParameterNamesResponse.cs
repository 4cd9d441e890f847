using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetParameterNamesResponse: the names below the requested path; object names end in ".".</summary>
public sealed record GetParameterNamesResponse(EquatableArray<ParameterInfoStruct> ParameterList) : CwmpResponse
{
    public override string MethodName => "GetParameterNamesResponse";

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("ParameterList"u8, "cwmp:ParameterInfoStruct"u8, ParameterList, ParameterInfoStruct.Write);

    internal static GetParameterNamesResponse Read(CwmpElementReader reader)
    {
        EquatableArray<ParameterInfoStruct> parameters = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "ParameterList")
                {
                    parameters = reader.ReadArray(ParameterInfoStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetParameterNamesResponse(parameters);
    }
}
