using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Download (TR-069 A.3.2.8): the CPE fetches a file (firmware, web content, configuration, …) from
/// <see cref="Url"/>. Every element is written even when empty, because the schema requires all of them and strict
/// CPEs reject a Download that lacks one.
/// </summary>
/// <param name="FileType">"1 Firmware Upgrade Image", "2 Web Content", "3 Vendor Configuration File", "4 Tone File", "5 Ringer File" or "X &lt;OUI&gt; …".</param>
/// <param name="FileSize">The size in bytes, or 0 when unknown.</param>
/// <param name="DelaySeconds">0 starts the download within the session; otherwise after the session, at least this late.</param>
/// <param name="SuccessUrl">Where the CPE's user is redirected after a successful download (web content only).</param>
/// <param name="FailureUrl">Where the CPE's user is redirected after a failed download (web content only).</param>
public sealed record Download(
    string CommandKey,
    string FileType,
    string Url,
    string Username = "",
    string Password = "",
    uint FileSize = 0,
    string TargetFileName = "",
    uint DelaySeconds = 0,
    string SuccessUrl = "",
    string FailureUrl = "") : CwmpRequest
{
    public override string MethodName => "Download";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("FileSize"u8, FileSize);
        writer.Element("TargetFileName"u8, TargetFileName);
        writer.Element("DelaySeconds"u8, DelaySeconds);
        writer.Element("SuccessURL"u8, SuccessUrl);
        writer.Element("FailureURL"u8, FailureUrl);
    }

    internal static Download Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty, username = string.Empty, password = string.Empty, targetFileName = string.Empty;
        string successUrl = string.Empty, failureUrl = string.Empty;
        string? fileType = null, url = null;
        uint fileSize = 0, delaySeconds = 0;
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
                    case "DelaySeconds": delaySeconds = reader.ReadUInt(); break;
                    case "SuccessURL": successUrl = reader.ReadString(); break;
                    case "FailureURL": failureUrl = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new Download(
            commandKey,
            fileType ?? throw reader.Missing("FileType", "Download"),
            url ?? throw reader.Missing("URL", "Download"),
            username,
            password,
            fileSize,
            targetFileName,
            delaySeconds,
            successUrl,
            failureUrl);
    }
}
