using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetParameterValuesResponse: the values, each with its xsi:type ("xsd:string" when the CPE sent none).</summary>
public sealed record GetParameterValuesResponse(EquatableArray<ParameterValueStruct> ParameterList) : CwmpResponse
{
    public override string MethodName => "GetParameterValuesResponse";

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("ParameterList"u8, "cwmp:ParameterValueStruct"u8, ParameterList, ParameterValueStruct.Write);

    internal static GetParameterValuesResponse Read(CwmpElementReader reader)
    {
        EquatableArray<ParameterValueStruct> parameters = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "ParameterList")
                {
                    parameters = reader.ReadArray(ParameterValueStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetParameterValuesResponse(parameters);
    }
}
