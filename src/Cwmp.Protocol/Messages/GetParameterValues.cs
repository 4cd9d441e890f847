using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// GetParameterValues (TR-069 A.3.2.2), ACS to CPE: full parameter names, or partial paths ending in "." for a whole
/// subtree. The schema requires at least one name.
/// </summary>
public sealed record GetParameterValues(EquatableArray<string> ParameterNames) : CwmpRequest
{
    public override string MethodName => "GetParameterValues";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.StringArray("ParameterNames"u8, ParameterNames);

    internal static GetParameterValues Read(CwmpElementReader reader)
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

        return new GetParameterValues(names);
    }
}
