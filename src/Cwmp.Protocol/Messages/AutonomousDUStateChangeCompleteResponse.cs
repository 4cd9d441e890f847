using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>AutonomousDUStateChangeCompleteResponse: the ACS's acknowledgement of an <see cref="AutonomousDUStateChangeComplete"/>; it has no content.</summary>
public sealed record AutonomousDUStateChangeCompleteResponse : CwmpResponse
{
    public override string MethodName => "AutonomousDUStateChangeCompleteResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static AutonomousDUStateChangeCompleteResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new AutonomousDUStateChangeCompleteResponse();
    }
}
