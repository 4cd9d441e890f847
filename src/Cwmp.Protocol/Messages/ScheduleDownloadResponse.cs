using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>ScheduleDownloadResponse (TR-069 A.4.1.8, CWMP 1.2): the CPE queued the download; a TransferComplete follows.</summary>
public sealed record ScheduleDownloadResponse : CwmpResponse
{
    public override string MethodName => "ScheduleDownloadResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static ScheduleDownloadResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new ScheduleDownloadResponse();
    }
}
