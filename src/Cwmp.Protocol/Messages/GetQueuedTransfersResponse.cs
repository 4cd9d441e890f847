using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetQueuedTransfersResponse (TR-069 A.4.1.1): the transfers the ACS queued that have not completed, at most 16.</summary>
public sealed record GetQueuedTransfersResponse(EquatableArray<QueuedTransferStruct> TransferList) : CwmpResponse
{
    public override string MethodName => "GetQueuedTransfersResponse";

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("TransferList"u8, "cwmp:QueuedTransferStruct"u8, TransferList, QueuedTransferStruct.Write);

    internal static GetQueuedTransfersResponse Read(CwmpElementReader reader)
    {
        EquatableArray<QueuedTransferStruct> transfers = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "TransferList")
                {
                    transfers = reader.ReadArray(QueuedTransferStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetQueuedTransfersResponse(transfers);
    }
}
