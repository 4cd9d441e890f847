using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>Installs a deployment unit from <see cref="Url"/> (cwmp-1-2.xsd InstallOpStruct). Null elements are not written.</summary>
/// <param name="Uuid">The UUID the new deployment unit gets; the CPE derives one when null.</param>
/// <param name="ExecutionEnvRef">The execution environment to install into, e.g. "Device.SoftwareModules.ExecEnv.1."; the CPE chooses when null.</param>
public sealed record InstallOperation(
    string Url,
    string? Uuid = null,
    string? Username = null,
    string? Password = null,
    string? ExecutionEnvRef = null) : DeploymentUnitOperation
{
    private protected override ReadOnlySpan<byte> XsiType => "cwmp:InstallOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.Element("URL"u8, Url);
        writer.OptionalElement("UUID"u8, Uuid);
        writer.OptionalElement("Username"u8, Username);
        writer.OptionalElement("Password"u8, Password);
        writer.OptionalElement("ExecutionEnvRef"u8, ExecutionEnvRef);
    }

    internal static InstallOperation Read(CwmpElementReader reader)
    {
        string? url = null, uuid = null, username = null, password = null, executionEnvRef = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "URL": url = reader.ReadString(); break;
                    case "UUID": uuid = reader.ReadToken(); break;
                    case "Username": username = reader.ReadString(); break;
                    case "Password": password = reader.ReadString(); break;
                    case "ExecutionEnvRef": executionEnvRef = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new InstallOperation(url ?? throw reader.Missing("URL", "InstallOpStruct"), uuid, username, password, executionEnvRef);
    }
}
