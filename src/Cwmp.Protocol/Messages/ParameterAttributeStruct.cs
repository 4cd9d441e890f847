using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One entry of a GetParameterAttributesResponse: the parameter's <see cref="Notification"/> (see
/// <see cref="ParameterNotification"/>) and who besides the ACS may write it ("Subscriber").
/// </summary>
public sealed record ParameterAttributeStruct(string Name, int Notification, EquatableArray<string> AccessList)
{
    internal static ParameterAttributeStruct Read(CwmpElementReader reader)
    {
        string? name = null;
        int notification = ParameterNotification.Off;
        EquatableArray<string> accessList = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Name": name = reader.ReadString(); break;
                    case "Notification": notification = reader.ReadInt(); break;
                    case "AccessList": accessList = reader.ReadStringArray(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new ParameterAttributeStruct(name ?? throw reader.Missing("Name", "ParameterAttributeStruct"), notification, accessList);
    }

    internal static void Write(CwmpXmlWriter writer, ParameterAttributeStruct value)
    {
        writer.Raw("<ParameterAttributeStruct>"u8);
        writer.Element("Name"u8, value.Name);
        writer.Element("Notification"u8, value.Notification);
        writer.StringArray("AccessList"u8, value.AccessList);
        writer.Raw("</ParameterAttributeStruct>"u8);
    }
}
