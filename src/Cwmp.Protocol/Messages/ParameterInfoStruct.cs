using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One entry of a GetParameterNamesResponse. For an object ("….") <see cref="Writable"/> means the ACS may
/// AddObject/DeleteObject its instances; some CPEs report it wrongly (checklist §6.12).
/// </summary>
public sealed record ParameterInfoStruct(string Name, bool Writable)
{
    internal static ParameterInfoStruct Read(CwmpElementReader reader)
    {
        string? name = null;
        bool writable = false;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Name": name = reader.ReadString(); break;
                    case "Writable": writable = reader.ReadBool(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new ParameterInfoStruct(name ?? throw reader.Missing("Name", "ParameterInfoStruct"), writable);
    }

    internal static void Write(CwmpXmlWriter writer, ParameterInfoStruct value)
    {
        writer.Raw("<ParameterInfoStruct>"u8);
        writer.Element("Name"u8, value.Name);
        writer.Element("Writable"u8, value.Writable);
        writer.Raw("</ParameterInfoStruct>"u8);
    }
}
