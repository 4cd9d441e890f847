using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// The result of a deployment-unit operation the CPE performed on its own, as reported in
/// <see cref="AutonomousDUStateChangeComplete"/>: an <see cref="OpResultStruct"/> (the schema type extends it) plus
/// the operation, "Install", "Update", "Uninstall" or a vendor operation.
/// </summary>
public sealed record AutonOpResultStruct(OpResultStruct Result, string OperationPerformed)
{
    internal void WriteFields(CwmpXmlWriter writer)
    {
        Result.WriteFields(writer);
        writer.Element("OperationPerformed"u8, OperationPerformed);
    }
}
