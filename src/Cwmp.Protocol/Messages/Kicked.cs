using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Kicked (TR-069 A.4.2.1, deprecated), CPE to ACS: a web page on the CPE sent the user's browser to the ACS
/// (<see cref="Command"/> and <see cref="Arg"/> say what for, <see cref="Referer"/> is the page); the ACS answers with
/// the URL the browser goes to next. <see cref="Next"/> is the URL the page suggested.
/// </summary>
public sealed record Kicked(string Command, string Referer, string Arg, string Next) : CwmpRequest
{
    public override string MethodName => "Kicked";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("Command"u8, Command);
        writer.Element("Referer"u8, Referer);
        writer.Element("Arg"u8, Arg);
        writer.Element("Next"u8, Next);
    }

    internal static Kicked Read(CwmpElementReader reader)
    {
        string command = string.Empty, referer = string.Empty, arg = string.Empty, next = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Command": command = reader.ReadString(); break;
                    case "Referer": referer = reader.ReadString(); break;
                    case "Arg": arg = reader.ReadString(); break;
                    case "Next": next = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new Kicked(command, referer, arg, next);
    }
}
