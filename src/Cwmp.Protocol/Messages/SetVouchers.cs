using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// SetVouchers (TR-069 A.4.1.3, deprecated): enables or disables options with signed vouchers. Each voucher is kept
/// as its base64 text, exactly as it is sent: the ACS only relays vouchers, it never looks inside them.
/// </summary>
/// <param name="VoucherList">One or more vouchers, each base64-encoded.</param>
public sealed record SetVouchers(EquatableArray<string> VoucherList) : CwmpRequest
{
    public override string MethodName => "SetVouchers";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.StartArray("VoucherList"u8, "soap-enc:base64"u8, VoucherList.Count);
        foreach (string voucher in VoucherList)
        {
            writer.Element("base64"u8, voucher);
        }

        writer.EndElement("VoucherList"u8);
    }

    internal static SetVouchers Read(CwmpElementReader reader)
    {
        EquatableArray<string> vouchers = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "VoucherList")
                {
                    vouchers = reader.ReadStringArray();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new SetVouchers(vouchers);
    }
}
