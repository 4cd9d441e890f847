using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// ScheduleDownload (TR-069 A.4.1.8, CWMP 1.2): a Download the CPE runs within one of one or two time windows.
/// Every element is written even when empty, as the schema requires.
/// </summary>
/// <param name="FileType">As for <see cref="Download"/>.</param>
/// <param name="TimeWindowList">One or two windows (the schema allows no more), in time order.</param>
public sealed record ScheduleDownload(
    string CommandKey,
    string FileType,
    string Url,
    string Username,
    string Password,
    uint FileSize,
    string TargetFileName,
    EquatableArray<TimeWindowStruct> TimeWindowList) : CwmpRequest
{
    /// <summary>The most windows a ScheduleDownload may carry (cwmp-1-2.xsd TimeWindowList maxOccurs="2").</summary>
    public const int MaxTimeWindows = 2;

    public override string MethodName => "ScheduleDownload";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        writer.StructArray("TimeWindowList"u8, "cwmp:TimeWindowStruct"u8, TimeWindowList, TimeWindowStruct.Write);
    }

    internal static ScheduleDownload Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty, username = string.Empty, password = string.Empty, targetFileName = string.Empty;
        string? fileType = null, url = null;
        uint fileSize = 0;
        EquatableArray<TimeWindowStruct> windows = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    case "FileType": fileType = reader.ReadToken(); break;
                    case "URL": url = reader.ReadString(); break;
                    case "Username": username = reader.ReadString(); break;
                    case "Password": password = reader.ReadString(); break;
                    case "FileSize": fileSize = reader.ReadUInt(); break;
                    case "TargetFileName": targetFileName = reader.ReadString(); break;
                    case "TimeWindowList": windows = reader.ReadArray(TimeWindowStruct.Read, MaxTimeWindows); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new ScheduleDownload(
            commandKey,
            fileType ?? throw reader.Missing("FileType", "ScheduleDownload"),
            url ?? throw reader.Missing("URL", "ScheduleDownload"),
            username,
            password,
            fileSize,
            targetFileName,
            windows);
    }
}
