using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Upload (TR-069 A.4.1.5): the CPE sends a file (configuration, log) to <see cref="Url"/>. Every element is
/// written even when empty, as the schema requires.
/// </summary>
/// <param name="FileType">"1 Vendor Configuration File", "2 Vendor Log File", "3 Vendor Configuration File &lt;i&gt;", "4 Vendor Log File &lt;i&gt;" or "X &lt;OUI&gt; …".</param>
/// <param name="DelaySeconds">0 starts the upload within the session; otherwise after the session, at least this late.</param>
public sealed record Upload(
    string CommandKey,
    string FileType,
    string Url,
    string Username = "",
    string Password = "",
    uint DelaySeconds = 0) : CwmpRequest
{
    public override string MethodName => "Upload";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("CommandKey"u8, CommandKey);
        writer.Element("FileType"u8, FileType);
        writer.Element("URL"u8, Url);
        writer.Element("Username"u8, Username);
        writer.Element("Password"u8, Password);
        writer.Element("DelaySeconds"u8, DelaySeconds);
    }

    internal static Upload Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty, username = string.Empty, password = string.Empty;
        string? fileType = null, url = null;
        uint delaySeconds = 0;
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
                    case "DelaySeconds": delaySeconds = reader.ReadUInt(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new Upload(
            commandKey,
            fileType ?? throw reader.Missing("FileType", "Upload"),
            url ?? throw reader.Missing("URL", "Upload"),
            username,
            password,
            delaySeconds);
    }
}
