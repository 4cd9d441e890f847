using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// The outcome of one deployment-unit operation: fault code 0 on success, otherwise a DU fault (9001, 9003, 9012,
/// 9013, 9015–9018, 9022–9032) or an extension/vendor code. <see cref="FaultString"/> is optional in the schema and
/// null when the CPE left it out.
/// </summary>
public sealed record DeploymentUnitFaultStruct(int FaultCode, string? FaultString = null)
{
    /// <summary>The operation succeeded: code 0, no string.</summary>
    public static DeploymentUnitFaultStruct None { get; } = new(0);

    public bool IsFault => FaultCode != 0;

    internal void Write(CwmpXmlWriter writer, ReadOnlySpan<byte> elementName)
    {
        writer.StartElement(elementName);
        writer.Element("FaultCode"u8, FaultCode);
        writer.OptionalElement("FaultString"u8, FaultString);
        writer.EndElement(elementName);
    }

    internal static DeploymentUnitFaultStruct Read(CwmpElementReader reader)
    {
        int faultCode = 0;
        string? faultString = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "FaultCode": faultCode = reader.ReadInt(); break;
                    case "FaultString": faultString = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new DeploymentUnitFaultStruct(faultCode, faultString);
    }
}
