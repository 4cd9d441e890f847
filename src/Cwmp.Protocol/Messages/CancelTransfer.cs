using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// CancelTransfer (TR-069 A.4.1.9, CWMP 1.2): removes the queued Download, ScheduleDownload or Upload with this
/// <see cref="CommandKey"/>; the CPE answers fault 9021 when the transfer can no longer be cancelled.
/// </summary>
public sealed record CancelTransfer(string CommandKey) : CwmpRequest
{
    public override string MethodName => "CancelTransfer";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("CommandKey"u8, CommandKey);

    internal static CancelTransfer Read(CwmpElementReader reader)
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

        return new CancelTransfer(commandKey);
    }
}
