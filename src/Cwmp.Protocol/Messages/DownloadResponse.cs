using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// DownloadResponse (TR-069 A.3.2.8). <see cref="Status"/> 0: the file was downloaded and applied, at the times
/// given; 1: not yet, a TransferComplete will follow, and both times are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed record DownloadResponse(int Status, CwmpDateTime StartTime = default, CwmpDateTime CompleteTime = default) : CwmpResponse
{
    public override string MethodName => "DownloadResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => TransferResponseFields.Write(writer, Status, StartTime, CompleteTime);

    internal static DownloadResponse Read(CwmpElementReader reader)
    {
        (int status, CwmpDateTime startTime, CwmpDateTime completeTime) = TransferResponseFields.Read(reader, "DownloadResponse");
        return new DownloadResponse(status, startTime, completeTime);
    }
}
