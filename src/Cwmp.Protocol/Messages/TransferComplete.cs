using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// TransferComplete (TR-069 A.3.3.2), CPE to ACS: the end of a Download, ScheduleDownload or Upload the ACS asked for,
/// matched to it by <see cref="CommandKey"/>. Times the CPE does not know are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed record TransferComplete(
    string CommandKey,
    TransferFault FaultStruct,
    CwmpDateTime StartTime,
    CwmpDateTime CompleteTime) : CwmpRequest
{
    public override string MethodName => "TransferComplete";

    public override CwmpVersion MinimumVersion => FaultStruct.MinimumVersion;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        FaultStruct.Write(writer, "FaultStruct"u8);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }

    internal static TransferComplete Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty;
        // A CPE that leaves out FaultStruct reports nothing wrong; reading that as success matches what it meant.
        TransferFault fault = TransferFault.None;
        CwmpDateTime startTime = default;
        CwmpDateTime completeTime = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    case "FaultStruct": fault = TransferFault.Read(reader); break;
                    case "StartTime": startTime = reader.ReadDateTime(); break;
                    case "CompleteTime": completeTime = reader.ReadDateTime(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new TransferComplete(commandKey, fault, startTime, completeTime);
    }
}
