using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// GetParameterAttributes (TR-069 A.3.2.5), ACS to CPE: full names or partial paths ending in ".". The schema
/// requires at least one name.
/// </summary>
public sealed record GetParameterAttributes(EquatableArray<string> ParameterNames) : CwmpRequest
{
    public override string MethodName => "GetParameterAttributes";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("ParameterNames"u8, ParameterNames);

    internal static GetParameterAttributes Read(CwmpElementReader reader)
    {
        EquatableArray<string> names = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "ParameterNames")
                {
                    names = reader.ReadStringArray();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetParameterAttributes(names);
    }
}
