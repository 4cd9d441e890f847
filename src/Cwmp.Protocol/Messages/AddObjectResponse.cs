using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// AddObjectResponse: the new instance's number (at least 1) and <see cref="Status"/> 0 (created) or 1 (committed,
/// applied later).
/// </summary>
public sealed record AddObjectResponse(uint InstanceNumber, int Status) : CwmpResponse
{
    public override string MethodName => "AddObjectResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("InstanceNumber"u8, InstanceNumber);
        writer.Element("Status"u8, Status);
    }

    internal static AddObjectResponse Read(CwmpElementReader reader)
    {
        uint? instanceNumber = null;
        int status = 0;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "InstanceNumber": instanceNumber = reader.ReadUInt(); break;
                    case "Status": status = reader.ReadInt(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        // Without the number the ACS cannot address the object it asked for, so this is not a response it can use.
        return new AddObjectResponse(instanceNumber ?? throw reader.Missing("InstanceNumber", "AddObjectResponse"), status);
    }
}
