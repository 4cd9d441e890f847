using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>Uninstalls the deployment unit <see cref="Uuid"/> (cwmp-1-2.xsd UninstallOpStruct). Null elements are not written.</summary>
/// <param name="Version">Which version to uninstall; every installed version when null.</param>
/// <param name="ExecutionEnvRef">The execution environment to remove it from; every one when null.</param>
public sealed record UninstallOperation(
    string Uuid,
    string? Version = null,
    string? ExecutionEnvRef = null) : DeploymentUnitOperation
{
    private protected override ReadOnlySpan<byte> XsiType => "cwmp:UninstallOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.Element("UUID"u8, Uuid);
        writer.OptionalElement("Version"u8, Version);
        writer.OptionalElement("ExecutionEnvRef"u8, ExecutionEnvRef);
    }

    internal static UninstallOperation Read(CwmpElementReader reader)
    {
        string? uuid = null, version = null, executionEnvRef = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "UUID": uuid = reader.ReadToken(); break;
                    case "Version": version = reader.ReadString(); break;
                    case "ExecutionEnvRef": executionEnvRef = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new UninstallOperation(uuid ?? throw reader.Missing("UUID", "UninstallOpStruct"), version, executionEnvRef);
    }
}
