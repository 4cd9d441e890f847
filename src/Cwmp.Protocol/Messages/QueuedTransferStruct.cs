using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>One transfer of a <see cref="GetQueuedTransfersResponse"/>.</summary>
/// <param name="State">1 not yet started, 2 in progress, 3 completed.</param>
public sealed record QueuedTransferStruct(string CommandKey, int State)
{
    internal static QueuedTransferStruct Read(CwmpElementReader reader)
    {
        string commandKey = string.Empty;
        int? state = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "CommandKey": commandKey = reader.ReadString(); break;
                    case "State": state = reader.ReadInt(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new QueuedTransferStruct(commandKey, state ?? throw reader.Missing("State", "QueuedTransferStruct"));
    }

    internal static void Write(CwmpXmlWriter writer, QueuedTransferStruct value)
    {
        writer.Raw("<QueuedTransferStruct>"u8);
        writer.Element("CommandKey"u8, value.CommandKey);
        writer.Element("State"u8, value.State);
        writer.Raw("</QueuedTransferStruct>"u8);
    }
}
