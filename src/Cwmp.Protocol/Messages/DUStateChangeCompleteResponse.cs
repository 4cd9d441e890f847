using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>DUStateChangeCompleteResponse: the ACS's acknowledgement of a <see cref="DUStateChangeComplete"/>; it has no content.</summary>
public sealed record DUStateChangeCompleteResponse : CwmpResponse
{
    public override string MethodName => "DUStateChangeCompleteResponse";

    public override CwmpVersion MinimumVersion => CwmpVersion.Version12;

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static DUStateChangeCompleteResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new DUStateChangeCompleteResponse();
    }
}
