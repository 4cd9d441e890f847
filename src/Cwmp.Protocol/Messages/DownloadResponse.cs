using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// DownloadResponse (TR-069 A.3.2.8). <see cref="Status"/> 0: the file was downloaded and applied, at the times
/// given; 1: not yet, a TransferComplete will follow, and both times are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed record DownloadResponse(int Status, CwmpDateTime StartTime = default, CwmpDateTime CompleteTime = default) : CwmpResponse
{
    public override string MethodName => "DownloadResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("Status"u8, Status);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
    }

    internal static DownloadResponse Read(CwmpElementReader reader)
    {
        int? status = null;
        CwmpDateTime startTime = CwmpDateTime.Unknown, completeTime = CwmpDateTime.Unknown;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Status": status = reader.ReadInt(); break;
                    case "StartTime": startTime = reader.ReadDateTime(); break;
                    case "CompleteTime": completeTime = reader.ReadDateTime(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        // Without a Status the ACS cannot tell whether to wait for a TransferComplete, so there is no safe default.
        return new DownloadResponse(status ?? throw reader.Missing("Status", "DownloadResponse"), startTime, completeTime);
    }
}
