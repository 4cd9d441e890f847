using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>DeleteObjectResponse: <see cref="Status"/> 0 (deleted) or 1 (committed, applied later).</summary>
public sealed record DeleteObjectResponse(int Status) : CwmpResponse
{
    public override string MethodName => "DeleteObjectResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("Status"u8, Status);

    internal static DeleteObjectResponse Read(CwmpElementReader reader)
    {
        int status = 0;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "Status")
                {
                    status = reader.ReadInt();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new DeleteObjectResponse(status);
    }
}
