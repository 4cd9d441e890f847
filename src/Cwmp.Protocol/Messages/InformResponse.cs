using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>InformResponse: the ACS always sends MaxEnvelopes 1 (checklist §1).</summary>
public sealed record InformResponse(uint MaxEnvelopes = 1) : CwmpResponse
{
    public override string MethodName => "InformResponse";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("MaxEnvelopes"u8, MaxEnvelopes);

    internal static InformResponse Read(CwmpElementReader reader)
    {
        uint maxEnvelopes = 1;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "MaxEnvelopes")
                {
                    maxEnvelopes = reader.ReadUInt();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new InformResponse(maxEnvelopes);
    }
}
