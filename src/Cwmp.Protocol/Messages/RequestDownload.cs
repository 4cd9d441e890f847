using System.Text.RegularExpressions;
using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// RequestDownload (TR-069 A.4.2.2), CPE to ACS: the CPE asks the ACS to send it a file of <see cref="FileType"/>,
/// with optional type-specific arguments. The ACS answers at once and may follow up with a Download.
/// </summary>
public sealed partial record RequestDownload(string FileType, EquatableArray<ArgStruct> FileTypeArg) : CwmpRequest
{
    public override string MethodName => "RequestDownload";

    /// <summary>1.0, or 1.2 for a file type only the 1.2 DownloadFileType admits ("4 Tone File", "5 Ringer File" …).</summary>
    public override CwmpVersion MinimumVersion => FileTypeOf10().IsMatch(FileType) ? CwmpVersion.Version10 : CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("FileType"u8, FileType);
        writer.StructArray("FileTypeArg"u8, "cwmp:ArgStruct"u8, FileTypeArg, ArgStruct.Write);
    }

    internal static RequestDownload Read(CwmpElementReader reader)
    {
        string fileType = string.Empty;
        EquatableArray<ArgStruct> arguments = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "FileType": fileType = reader.ReadToken(); break;
                    case "FileTypeArg": arguments = reader.ReadArray(ArgStruct.Read); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new RequestDownload(fileType, arguments);
    }

    // The FileType patterns of RequestDownload in cwmp-1-0.xsd and cwmp-1-1.xsd.
    [GeneratedRegex(@"^(?:1 Firmware Upgrade Image|2 Web Content|3 Vendor Configuration File|X [0-9A-F]{6} [^\r\n]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileTypeOf10();
}
