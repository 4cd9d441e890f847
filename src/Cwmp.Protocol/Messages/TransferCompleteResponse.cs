using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>TransferCompleteResponse: the ACS's acknowledgement of a <see cref="TransferComplete"/>; it has no content.</summary>
public sealed record TransferCompleteResponse : CwmpResponse
{
    public override string MethodName => "TransferCompleteResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static TransferCompleteResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new TransferCompleteResponse();
    }
}
