using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// One time window of a <see cref="ScheduleDownload"/>: the download may run between <see cref="WindowStart"/> and
/// <see cref="WindowEnd"/> seconds after the CPE received the request.
/// </summary>
/// <param name="WindowMode">"1 At Any Time", "2 Immediately", "3 When Idle", "4 Confirmation Needed" or "X &lt;OUI&gt; …".</param>
/// <param name="UserMessage">Shown to the user when <see cref="WindowMode"/> needs a confirmation.</param>
/// <param name="MaxRetries">Retries after a failure within this window; -1 lets the CPE decide.</param>
public sealed record TimeWindowStruct(uint WindowStart, uint WindowEnd, string WindowMode, string UserMessage = "", int MaxRetries = -1)
{
    internal static TimeWindowStruct Read(CwmpElementReader reader)
    {
        uint windowStart = 0, windowEnd = 0;
        string windowMode = string.Empty, userMessage = string.Empty;
        int maxRetries = -1;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "WindowStart": windowStart = reader.ReadUInt(); break;
                    case "WindowEnd": windowEnd = reader.ReadUInt(); break;
                    case "WindowMode": windowMode = reader.ReadToken(); break;
                    case "UserMessage": userMessage = reader.ReadString(); break;
                    case "MaxRetries": maxRetries = reader.ReadInt(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new TimeWindowStruct(windowStart, windowEnd, windowMode, userMessage, maxRetries);
    }

    internal static void Write(CwmpXmlWriter writer, TimeWindowStruct value)
    {
        writer.Raw("<TimeWindowStruct>"u8);
        writer.Element("WindowStart"u8, value.WindowStart);
        writer.Element("WindowEnd"u8, value.WindowEnd);
        writer.Element("WindowMode"u8, value.WindowMode);
        writer.Element("UserMessage"u8, value.UserMessage);
        writer.Element("MaxRetries"u8, value.MaxRetries);
        writer.Raw("</TimeWindowStruct>"u8);
    }
}
