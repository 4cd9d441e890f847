using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>AutonomousTransferCompleteResponse: the ACS's acknowledgement of an <see cref="AutonomousTransferComplete"/>; it has no content.</summary>
public sealed record AutonomousTransferCompleteResponse : CwmpResponse
{
    public override string MethodName => "AutonomousTransferCompleteResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version11;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static AutonomousTransferCompleteResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new AutonomousTransferCompleteResponse();
    }
}
