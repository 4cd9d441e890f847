using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// A parameter and its value. <see cref="Type"/> is the xsi:type in canonical form ("xsd:unsignedInt"); a value a
/// CPE sent without xsi:type is an "xsd:string" (checklist §6.7), and a missing &lt;Value&gt; is the empty string.
/// </summary>
public sealed record ParameterValueStruct(string Name, string Value, string Type = XsiTypes.String)
{
    internal static ParameterValueStruct Read(CwmpElementReader reader)
    {
        string? name = null;
        string value = string.Empty;
        string type = XsiTypes.String;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Name":
                        name = reader.ReadParameterName();
                        break;
                    case "Value":
                        type = reader.ReadXsiType() ?? XsiTypes.String;
                        value = reader.ReadString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        return new ParameterValueStruct(name ?? throw reader.Missing("Name", "ParameterValueStruct"), value, type);
    }

    internal static void Write(CwmpXmlWriter writer, ParameterValueStruct parameter)
    {
        writer.Raw("<ParameterValueStruct><Name>"u8);
        writer.Text(parameter.Name);
        writer.Raw("</Name>"u8);
        writer.TypedValue(parameter.Value, parameter.Type);
        writer.Raw("</ParameterValueStruct>"u8);
    }
}
