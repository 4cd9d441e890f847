using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetAllQueuedTransfersResponse (TR-069 A.4.1.7, CWMP 1.1): every transfer the CPE has queued or in progress, at most 16.</summary>
public sealed record GetAllQueuedTransfersResponse(EquatableArray<AllQueuedTransferStruct> TransferList) : CwmpResponse
{
    public override string MethodName => "GetAllQueuedTransfersResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version11;

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("TransferList"u8, "cwmp:AllQueuedTransferStruct"u8, TransferList, AllQueuedTransferStruct.Write);

    internal static GetAllQueuedTransfersResponse Read(CwmpElementReader reader)
    {
        EquatableArray<AllQueuedTransferStruct> transfers = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "TransferList")
                {
                    transfers = reader.ReadArray(AllQueuedTransferStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetAllQueuedTransfersResponse(transfers);
    }
}
