using System.Text.RegularExpressions;
using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// AutonomousTransferComplete (TR-069 A.3.3.3, CWMP 1.1), CPE to ACS: a transfer the CPE made on its own (not at the
/// ACS's request) has ended. <see cref="AnnounceUrl"/> is where the transfer was announced (a multicast group, say)
/// and may be empty; times the CPE does not know are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed partial record AutonomousTransferComplete(
    string AnnounceUrl,
    string TransferUrl,
    bool IsDownload,
    string FileType,
    uint FileSize,
    string TargetFileName,
    TransferFault FaultStruct,
    CwmpDateTime StartTime,
    CwmpDateTime CompleteTime) : CwmpRequest
{
    public override string MethodName => "AutonomousTransferComplete";

    /// <summary>1.1, or 1.2 for a file type only the 1.2 TransferFileType admits ("5 Ringer File", "6 Vendor Configuration File 2" …).</summary>
    public override CwmpVersion MinimumVersion =>
        FileTypeOf11().IsMatch(FileType) ? CwmpVersion.Version11 : CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("AnnounceURL"u8, AnnounceUrl);
        writer.Element("TransferURL"u8, TransferUrl);
        writer.Element("IsDownload"u8, IsDownload);
        writer.Element("FileType"u8, FileType);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        FaultStruct.Write(writer, "FaultStruct"u8);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }

    internal static AutonomousTransferComplete Read(CwmpElementReader reader)
    {
        string announceUrl = string.Empty, transferUrl = string.Empty, fileType = string.Empty, targetFileName = string.Empty;
        bool isDownload = false;
        uint fileSize = 0;
        TransferFault fault = TransferFault.None;
        CwmpDateTime startTime = default, completeTime = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "AnnounceURL": announceUrl = reader.ReadString(); break;
                    case "TransferURL": transferUrl = reader.ReadString(); break;
                    case "IsDownload": isDownload = reader.ReadBool(); break;
                    case "FileType": fileType = reader.ReadToken(); break;
                    case "FileSize": fileSize = reader.ReadUInt(); break;
                    case "TargetFileName": targetFileName = reader.ReadString(); break;
                    case "FaultStruct": fault = TransferFault.Read(reader); break;
                    case "StartTime": startTime = reader.ReadDateTime(); break;
                    case "CompleteTime": completeTime = reader.ReadDateTime(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new AutonomousTransferComplete(announceUrl, transferUrl, isDownload, fileType, fileSize, targetFileName, fault, startTime, completeTime);
    }

    // The FileType patterns of cwmp-1-1.xsd AutonomousTransferComplete; cwmp-1-2.xsd TransferFileType admits more.
    [GeneratedRegex(@"^(?:1 Firmware Upgrade Image|2 Web Content|3 Vendor Configuration File|4 Vendor Log File|X [0-9A-F]{6} [^\r\n]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileTypeOf11();
}
