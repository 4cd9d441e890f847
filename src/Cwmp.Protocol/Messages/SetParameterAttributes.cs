using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// SetParameterAttributes (TR-069 A.3.2.4), ACS to CPE: changes notification and access lists. The schema requires at
/// least one struct. A CPE that refuses a notification answers fault 9009.
/// </summary>
public sealed record SetParameterAttributes(EquatableArray<SetParameterAttributesStruct> ParameterList) : CwmpRequest
{
    public override string MethodName => "SetParameterAttributes";

    public override CwmpVersion MinimumVersion
    {
        get
        {
            CwmpVersion minimum = CwmpVersion.Version10;
            foreach (SetParameterAttributesStruct item in ParameterList)
            {
                CwmpVersion needed = ParameterNotification.MinimumVersion(item.Notification);
                minimum = needed > minimum ? needed : minimum;
            }

            return minimum;
        }
    }

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("ParameterList"u8, "cwmp:SetParameterAttributesStruct"u8, ParameterList, SetParameterAttributesStruct.Write);

    internal static SetParameterAttributes Read(CwmpElementReader reader)
    {
        EquatableArray<SetParameterAttributesStruct> parameters = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "ParameterList")
                {
                    parameters = reader.ReadArray(SetParameterAttributesStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new SetParameterAttributes(parameters);
    }
}
