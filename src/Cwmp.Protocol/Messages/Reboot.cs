using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Reboot (TR-069 A.3.2.9): the CPE reboots after the session; its next Inform carries 1 BOOT and M Reboot with
/// <see cref="CommandKey"/>.
/// </summary>
public sealed record Reboot(string CommandKey = "") : CwmpRequest
{
    public override string MethodName => "Reboot";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("CommandKey"u8, CommandKey);

    internal static Reboot Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "CommandKey")
                {
                    commandKey = reader.ReadString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new Reboot(commandKey);
    }
}
