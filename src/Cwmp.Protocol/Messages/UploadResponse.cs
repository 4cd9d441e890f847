using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// UploadResponse (TR-069 A.4.1.5). <see cref="Status"/> 0: the file was uploaded, at the times given; 1: not
/// yet, a TransferComplete will follow, and both times are <see cref="CwmpDateTime.Unknown"/>.
/// </summary>
public sealed record UploadResponse(int Status, CwmpDateTime StartTime = default, CwmpDateTime CompleteTime = default) : CwmpResponse
{
    public override string MethodName => "UploadResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => TransferResponseFields.Write(writer, Status, StartTime, CompleteTime);

    internal static UploadResponse Read(CwmpElementReader reader)
    {
        (int status, CwmpDateTime startTime, CwmpDateTime completeTime) = TransferResponseFields.Read(reader, "UploadResponse");
        return new UploadResponse(status, startTime, completeTime);
    }
}
