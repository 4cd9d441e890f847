using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>GetParameterAttributesResponse: the notification and access list of each parameter asked for.</summary>
public sealed record GetParameterAttributesResponse(EquatableArray<ParameterAttributeStruct> ParameterList) : CwmpResponse
{
    public override string MethodName => "GetParameterAttributesResponse";

    public override CwmpVersion MinimumVersion
    {
        get
        {
            CwmpVersion minimum = CwmpVersion.Version10;
            foreach (ParameterAttributeStruct item in ParameterList)
            {
                CwmpVersion needed = ParameterNotification.MinimumVersion(item.Notification);
                minimum = needed > minimum ? needed : minimum;
            }

            return minimum;
        }
    }

    internal override void WriteContent(CwmpXmlWriter writer) =>
        writer.StructArray("ParameterList"u8, "cwmp:ParameterAttributeStruct"u8, ParameterList, ParameterAttributeStruct.Write);

    internal static GetParameterAttributesResponse Read(CwmpElementReader reader)
    {
        EquatableArray<ParameterAttributeStruct> parameters = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (reader.LocalName == "ParameterList")
                {
                    parameters = reader.ReadArray(ParameterAttributeStruct.Read);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return new GetParameterAttributesResponse(parameters);
    }
}
