using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetOptionsResponse (TR-069 A.4.1.4, deprecated): the options asked for, possibly none.</summary>
public sealed record GetOptionsResponse(EquatableArray<OptionStruct> OptionList) : CwmpResponse
{
    public override string MethodName => "GetOptionsResponse";

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("OptionList"u8, "cwmp:OptionStruct"u8, OptionList, OptionStruct.Write);

    internal static GetOptionsResponse Read(CwmpElementReader reader)
    {
        EquatableArray<OptionStruct> options = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "OptionList")
                {
                    options = reader.ReadArray(OptionStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetOptionsResponse(options);
    }
}
