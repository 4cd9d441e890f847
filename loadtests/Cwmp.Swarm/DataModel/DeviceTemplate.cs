using System.Collections.Frozen;

namespace Cwmp.Swarm.DataModel;

/// <summary>
/// A data model shared by every simulated device of one kind: the entries of the tree (names, types, writability,
/// defaults), the schemas of its tables, the identity parts common to the kind (manufacturer, OUI, product class)
/// and the names a CPE reads at run time. Immutable once built; devices keep only what differs from it.
/// </summary>
internal sealed class DeviceTemplate
{
    public DeviceTemplate(TemplateIdentity identity, IReadOnlyList<ParameterDefinition> entries, IReadOnlyDictionary<string, TableSchema> tables)
    {
        Identity = identity;
        Entries = [.. entries];
        ByName = Entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
        Tables = tables.ToFrozenDictionary(StringComparer.Ordinal);
        Root = Entries[0].Name;
        Names = new WellKnownNames(Root);
        InformParameters = [.. BuildInformParameters()];
        ParameterCount = Entries.Count(e => !e.IsObject);
    }

    public TemplateIdentity Identity { get; }

    /// <summary>"Device." or "InternetGatewayDevice.".</summary>
    public string Root { get; }

    public ParameterDefinition[] Entries { get; }

    public FrozenDictionary<string, ParameterDefinition> ByName { get; }

    /// <summary>Table schemas by generic path ("Device.NAT.PortMapping.{i}.").</summary>
    public FrozenDictionary<string, TableSchema> Tables { get; }

    public WellKnownNames Names { get; }

    /// <summary>The parameters every Inform carries (checklist §5, forced inform parameters).</summary>
    public string[] InformParameters { get; }

    public int ParameterCount { get; }

    public bool IsIgd => Root == "InternetGatewayDevice.";

    private IEnumerable<string> BuildInformParameters()
    {
        string[] candidates = IsIgd
            ?
            [
                Root + "DeviceSummary", Names.HardwareVersion, Names.SoftwareVersion, Root + "DeviceInfo.SpecVersion",
                Names.ProvisioningCode, Names.ParameterKey, Names.ConnectionRequestUrl, Root + "ManagementServer.AliasBasedAddressing",
                Root + "WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress",
            ]
            :
            [
                Root + "RootDataModelVersion", Names.HardwareVersion, Names.SoftwareVersion, Names.ProvisioningCode,
                Names.ParameterKey, Names.ConnectionRequestUrl, Root + "ManagementServer.AliasBasedAddressing",
                Names.UdpConnectionRequestAddress,
            ];
        return candidates.Where(ByName.ContainsKey);
    }
}

/// <summary>The DeviceIdStruct parts common to every device of a template; the serial number is per device.</summary>
internal sealed record TemplateIdentity(string Name, string Manufacturer, string Oui, string ProductClass, string SerialPrefix, string SoftwareVersion);

/// <summary>Full names of the parameters the simulated CPE itself reads or writes.</summary>
internal sealed class WellKnownNames(string root)
{
    public string HardwareVersion { get; } = root + "DeviceInfo.HardwareVersion";
    public string SoftwareVersion { get; } = root + "DeviceInfo.SoftwareVersion";
    public string ProvisioningCode { get; } = root + "DeviceInfo.ProvisioningCode";
    public string UpTime { get; } = root + "DeviceInfo.UpTime";
    public string ParameterKey { get; } = root + "ManagementServer.ParameterKey";
    public string Url { get; } = root + "ManagementServer.URL";
    public string Username { get; } = root + "ManagementServer.Username";
    public string Password { get; } = root + "ManagementServer.Password";
    public string PeriodicInformEnable { get; } = root + "ManagementServer.PeriodicInformEnable";
    public string PeriodicInformInterval { get; } = root + "ManagementServer.PeriodicInformInterval";
    public string ConnectionRequestUrl { get; } = root + "ManagementServer.ConnectionRequestURL";
    public string ConnectionRequestUsername { get; } = root + "ManagementServer.ConnectionRequestUsername";
    public string ConnectionRequestPassword { get; } = root + "ManagementServer.ConnectionRequestPassword";
    public string UdpConnectionRequestAddress { get; } = root + "ManagementServer.UDPConnectionRequestAddress";
    public string RetryMinimumWaitInterval { get; } = root + "ManagementServer.CWMPRetryMinimumWaitInterval";
    public string RetryIntervalMultiplier { get; } = root + "ManagementServer.CWMPRetryIntervalMultiplier";
}
