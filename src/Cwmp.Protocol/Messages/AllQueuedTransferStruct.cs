using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>One transfer of a <see cref="GetAllQueuedTransfersResponse"/>, requested by the ACS or by anyone else.</summary>
/// <param name="CommandKey">The CommandKey of the ACS's request; empty for a transfer the ACS did not request.</param>
/// <param name="State">1 not yet started, 2 in progress, 3 completed.</param>
/// <param name="FileSize">The size in bytes, or 0 when unknown.</param>
public sealed record AllQueuedTransferStruct(
    string CommandKey,
    int State,
    bool IsDownload,
    string FileType,
    uint FileSize,
    string TargetFileName)
{
    internal static AllQueuedTransferStruct Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty, fileType = string.Empty, targetFileName = string.Empty;
        int? state = null;

        // Nearly every queued transfer is a download; an entry that omits IsDownload is read as one.
        bool isDownload = true;
        uint fileSize = 0;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    case "State": state = reader.ReadInt(); break;
                    case "IsDownload": isDownload = reader.ReadBool(); break;
                    case "FileType": fileType = reader.ReadToken(); break;
                    case "FileSize": fileSize = reader.ReadUInt(); break;
                    case "TargetFileName": targetFileName = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new AllQueuedTransferStruct(
            commandKey,
            state ?? throw reader.Missing("State", "AllQueuedTransferStruct"),
            isDownload,
            fileType,
            fileSize,
            targetFileName);
    }

    internal static void Write(CwmpXmlWriter writer, AllQueuedTransferStruct value)
    {
        writer.Raw("<AllQueuedTransferStruct>"u8);
        writer.Element("CommandKey"u8, value.CommandKey);
        writer.Element("State"u8, value.State);
        writer.Element("IsDownload"u8, value.IsDownload);
        writer.Element("FileType"u8, value.FileType);
        writer.Element("FileSize"u8, value.FileSize);
        writer.Element("TargetFileName"u8, value.TargetFileName);
        writer.Raw("</AllQueuedTransferStruct>"u8);
    }
}
