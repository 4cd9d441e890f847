using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>The Status/StartTime/CompleteTime body that DownloadResponse and UploadResponse share.</summary>
internal static class TransferResponseFields
{
    public static void Write(CwmpXmlWriter writer, int status, CwmpDateTime startTime, CwmpDateTime completeTime)
    {
        writer.Element("Status"u8, status);
        writer.Element("StartTime"u8, startTime);
        writer.Element("CompleteTime"u8, completeTime);
    }

    public static (int Status, CwmpDateTime StartTime, CwmpDateTime CompleteTime) Read(CwmpElementReader reader, string methodName)
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
        return (status ?? throw reader.Missing("Status", methodName), startTime, completeTime);
    }
}
