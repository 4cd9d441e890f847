using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// AddObject (TR-069 A.3.2.6), ACS to CPE: creates an instance of the multi-instance object
/// <see cref="ObjectName"/> (a path ending in ".", e.g. "Device.IP.Interface.").
/// </summary>
public sealed record AddObject(string ObjectName, string ParameterKey) : CwmpRequest
{
    public override string MethodName => "AddObject";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ObjectName"u8, ObjectName);
        writer.Element("ParameterKey"u8, ParameterKey);
    }

    internal static AddObject Read(CwmpElementReader reader)
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

        return new AddObject(objectName ?? throw reader.Missing("ObjectName", "AddObject"), parameterKey);
    }
}
