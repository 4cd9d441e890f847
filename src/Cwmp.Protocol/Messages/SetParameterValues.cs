using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// SetParameterValues (TR-069 A.3.2.1), ACS to CPE: sets all values atomically. <see cref="ParameterKey"/> (at most 32
/// characters) becomes ManagementServer.ParameterKey only if the whole set succeeds.
/// </summary>
public sealed record SetParameterValues(EquatableArray<ParameterValueStruct> ParameterList, string ParameterKey) : CwmpRequest
{
    public override string MethodName => "SetParameterValues";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.StructArray("ParameterList"u8, "cwmp:ParameterValueStruct"u8, ParameterList, ParameterValueStruct.Write);
        writer.Element("ParameterKey"u8, ParameterKey);
    }

    internal static SetParameterValues Read(CwmpElementReader reader)
    {
        EquatableArray<ParameterValueStruct> parameters = default;
        string parameterKey = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "ParameterList": parameters = reader.ReadArray(ParameterValueStruct.Read); break;
                    case "ParameterKey": parameterKey = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new SetParameterValues(parameters, parameterKey);
    }
}
