using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// ScheduleInform (TR-069 A.4.1.2): one extra Inform after <see cref="DelaySeconds"/>, carrying 3 SCHEDULED and
/// M ScheduleInform with <see cref="CommandKey"/>.
/// </summary>
public sealed record ScheduleInform(uint DelaySeconds, string CommandKey = "") : CwmpRequest
{
    public override string MethodName => "ScheduleInform";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("DelaySeconds"u8, DelaySeconds);
        writer.Element("CommandKey"u8, CommandKey);
    }

    internal static ScheduleInform Read(CwmpElementReader reader)
    {
        uint delaySeconds = 0;
        string commandKey = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "DelaySeconds": delaySeconds = reader.ReadUInt(); break;
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new ScheduleInform(delaySeconds, commandKey);
    }
}
