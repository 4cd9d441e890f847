using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// GetOptions (TR-069 A.4.1.4, deprecated): asks for the state of one voucher-enabled option, or of all of them
/// when <see cref="OptionName"/> is empty.
/// </summary>
public sealed record GetOptions(string OptionName = "") : CwmpRequest
{
    public override string MethodName => "GetOptions";

    internal override void WriteContent(CwmpXmlWriter writer) => writer.Element("OptionName"u8, OptionName);

    internal static GetOptions Read(CwmpElementReader reader)
    {
        string optionName = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "OptionName")
                {
                    optionName = reader.ReadString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetOptions(optionName);
    }
}
