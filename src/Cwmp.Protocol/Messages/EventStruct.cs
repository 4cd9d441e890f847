using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>One event of an Inform: its code ("1 BOOT", "M Reboot", "X 00D09E …") and the CommandKey it answers.</summary>
public sealed record EventStruct(string EventCode, string CommandKey = "")
{
    internal static EventStruct Read(CwmpElementReader reader)
    {
        string? code = null;
        string commandKey = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "EventCode": code = EventCodes.Intern(reader.ReadText().Trim()); break;
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new EventStruct(code ?? throw reader.Missing("EventCode", "EventStruct"), commandKey);
    }

    internal static void Write(CwmpXmlWriter writer, EventStruct value)
    {
        writer.Raw("<EventStruct>"u8);
        writer.Element("EventCode"u8, value.EventCode);
        writer.Element("CommandKey"u8, value.CommandKey);
        writer.Raw("</EventStruct>"u8);
    }
}
