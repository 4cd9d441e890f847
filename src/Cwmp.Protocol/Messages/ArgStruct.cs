using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>A name/value argument of a <see cref="RequestDownload"/> file type (at most 16 per request).</summary>
public sealed record ArgStruct(string Name, string Value)
{
    internal static ArgStruct Read(CwmpElementReader reader)
    {
        string name = string.Empty, value = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Name": name = reader.ReadString(); break;
                    case "Value": value = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new ArgStruct(name, value);
    }

    internal static void Write(CwmpXmlWriter writer, ArgStruct argument)
    {
        writer.Raw("<ArgStruct>"u8);
        writer.Element("Name"u8, argument.Name);
        writer.Element("Value"u8, argument.Value);
        writer.Raw("</ArgStruct>"u8);
    }
}
