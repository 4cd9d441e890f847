using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One entry of SetParameterAttributes. <see cref="Notification"/> is applied only when
/// <see cref="NotificationChange"/> is true, <see cref="AccessList"/> (whose only defined entry is "Subscriber")
/// only when <see cref="AccessListChange"/> is true. See <see cref="ParameterNotification"/> for the values.
/// </summary>
public sealed record SetParameterAttributesStruct(
    string Name,
    bool NotificationChange,
    int Notification,
    bool AccessListChange,
    EquatableArray<string> AccessList)
{
    internal static SetParameterAttributesStruct Read(CwmpElementReader reader)
    {
        string? name = null;
        bool notificationChange = false;
        int notification = ParameterNotification.Off;
        bool accessListChange = false;
        EquatableArray<string> accessList = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Name": name = reader.ReadString(); break;
                    case "NotificationChange": notificationChange = reader.ReadBool(); break;
                    case "Notification": notification = reader.ReadInt(); break;
                    case "AccessListChange": accessListChange = reader.ReadBool(); break;
                    case "AccessList": accessList = reader.ReadStringArray(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new SetParameterAttributesStruct(
            name ?? throw reader.Missing("Name", "SetParameterAttributesStruct"),
            notificationChange,
            notification,
            accessListChange,
            accessList);
    }

    internal static void Write(CwmpXmlWriter writer, SetParameterAttributesStruct value)
    {
        writer.Raw("<SetParameterAttributesStruct>"u8);
        writer.Element("Name"u8, value.Name);
        writer.Element("NotificationChange"u8, value.NotificationChange);
        writer.Element("Notification"u8, value.Notification);
        writer.Element("AccessListChange"u8, value.AccessListChange);
        writer.StringArray("AccessList"u8, value.AccessList);
        writer.Raw("</SetParameterAttributesStruct>"u8);
    }
}
