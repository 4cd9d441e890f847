using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>One option of a <see cref="GetOptionsResponse"/>.</summary>
/// <param name="VoucherSN">The serial number of the voucher that last set the option.</param>
/// <param name="State">0 disabled and not set up, 1 enabled and not set up, 2 disabled and set up, 3 enabled and set up.</param>
/// <param name="Mode">0 disabled, 1 enabled with expiration, 2 enabled without expiration.</param>
/// <param name="ExpirationDate">Present only for an option that expires (minOccurs="0").</param>
/// <param name="IsTransferable">0 non-transferable, 1 transferable.</param>
public sealed record OptionStruct(
    string OptionName,
    uint VoucherSN,
    uint State,
    int Mode,
    CwmpDateTime StartDate,
    CwmpDateTime? ExpirationDate,
    int IsTransferable)
{
    internal static OptionStruct Read(CwmpElementReader reader)
    {
        string? optionName = null;
        uint voucherSN = 0, state = 0;
        int mode = 0, isTransferable = 0;
        CwmpDateTime startDate = CwmpDateTime.Unknown;
        CwmpDateTime? expirationDate = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "OptionName": optionName = reader.ReadString(); break;
                    case "VoucherSN": voucherSN = reader.ReadUInt(); break;
                    case "State": state = reader.ReadUInt(); break;
                    case "Mode": mode = reader.ReadInt(); break;
                    case "StartDate": startDate = reader.ReadDateTime(); break;
                    case "ExpirationDate": expirationDate = reader.ReadDateTime(); break;
                    case "IsTransferable": isTransferable = reader.ReadInt(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new OptionStruct(
            optionName ?? throw reader.Missing("OptionName", "OptionStruct"),
            voucherSN,
            state,
            mode,
            startDate,
            expirationDate,
            isTransferable);
    }

    internal static void Write(CwmpXmlWriter writer, OptionStruct value)
    {
        writer.Raw("<OptionStruct>"u8);
        writer.Element("OptionName"u8, value.OptionName);
        writer.Element("VoucherSN"u8, value.VoucherSN);
        writer.Element("State"u8, value.State);
        writer.Element("Mode"u8, value.Mode);
        writer.Element("StartDate"u8, value.StartDate);
        if (value.ExpirationDate is { } expirationDate)
        {
            writer.Element("ExpirationDate"u8, expirationDate);
        }

        writer.Element("IsTransferable"u8, value.IsTransferable);
        writer.Raw("</OptionStruct>"u8);
    }
}
