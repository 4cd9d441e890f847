using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// DeleteObject (TR-069 A.3.2.7), ACS to CPE: removes the instance <see cref="ObjectName"/> (a path ending in its
/// instance number and ".", e.g. "Device.IP.Interface.3.").
/// </summary>
public sealed record DeleteObject(string ObjectName, string ParameterKey) : CwmpRequest
{
    public override string MethodName => "DeleteObject";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ObjectName"u8, ObjectName);
        writer.Element("ParameterKey"u8, ParameterKey);
    }

    internal static DeleteObject Read(CwmpElementReader reader)
    {
        string? objectName = null;
        string parameterKey = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "ObjectName": objectName = reader.ReadString(); break;
                    case "ParameterKey": parameterKey = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new DeleteObject(objectName ?? throw reader.Missing("ObjectName", "DeleteObject"), parameterKey);
    }
}
