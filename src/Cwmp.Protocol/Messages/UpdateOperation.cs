using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Updates a deployment unit (cwmp-1-2.xsd UpdateOpStruct), found by <see cref="Uuid"/>, else by <see cref="Url"/>;
/// with neither, every installed deployment unit is updated. Null elements are not written.
/// </summary>
/// <param name="Version">Which version to update when several are installed.</param>
/// <param name="Url">Where to fetch the update; with a <see cref="Uuid"/>, it also replaces the unit's stored URL.</param>
public sealed record UpdateOperation(
    string? Uuid = null,
    string? Version = null,
    string? Url = null,
    string? Username = null,
    string? Password = null) : DeploymentUnitOperation
{
    private protected override ReadOnlySpan<byte> XsiType => "cwmp:UpdateOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.OptionalElement("UUID"u8, Uuid);
        writer.OptionalElement("Version"u8, Version);
        writer.OptionalElement("URL"u8, Url);
        writer.OptionalElement("Username"u8, Username);
        writer.OptionalElement("Password"u8, Password);
    }

    internal static UpdateOperation Read(CwmpElementReader reader)
    {
        string? uuid = null, version = null, url = null, username = null, password = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "UUID": uuid = reader.ReadToken(); break;
                    case "Version": version = reader.ReadString(); break;
                    case "URL": url = reader.ReadString(); break;
                    case "Username": username = reader.ReadString(); break;
                    case "Password": password = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new UpdateOperation(uuid, version, url, username, password);
    }
}
