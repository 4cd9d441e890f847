using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>SetVouchersResponse (TR-069 A.4.1.3): the CPE accepted the vouchers.</summary>
public sealed record SetVouchersResponse : CwmpResponse
{
    public override string MethodName => "SetVouchersResponse";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
    }

    internal static SetVouchersResponse Read(CwmpElementReader reader)
    {
        reader.Skip();
        return new SetVouchersResponse();
    }
}
