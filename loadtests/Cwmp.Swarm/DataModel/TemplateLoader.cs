using System.Globalization;
using System.Reflection;

namespace Cwmp.Swarm.DataModel;

/// <summary>
/// Builds the two shipped templates: the TR-181 Device:2 home gateway (device2-home-gateway.tsv) and the TR-098
/// InternetGatewayDevice:1 Huawei BM632w (a real device's dump, huawei-bm632w-igd.csv, plus igd-supplement.tsv for
/// the tables the dump shows empty). Both are embedded resources.
/// </summary>
internal static class TemplateLoader
{
    public const string Device2Name = "device2";
    public const string IgdName = "igd";

    private static readonly Lazy<DeviceTemplate> Device2Template = new(LoadDevice2);
    private static readonly Lazy<DeviceTemplate> IgdTemplate = new(LoadIgd);

    public static DeviceTemplate Device2 => Device2Template.Value;

    public static DeviceTemplate Igd => IgdTemplate.Value;

    public static DeviceTemplate ByName(string name) => name switch
    {
        Device2Name => Device2,
        IgdName => Igd,
        _ => throw new ArgumentException($"Unknown template '{name}' (device2 or igd).", nameof(name)),
    };

    private static DeviceTemplate LoadDevice2()
    {
        var builder = new TemplateBuilder();
        foreach (TemplateRow row in ReadTsv(ReadResource("device2-home-gateway.tsv")))
        {
            builder.Add(row);
        }

        return builder.Build(new TemplateIdentity(Device2Name, "Cwmp Swarm", "ACDE48", "SwarmGW", "SW", "SGW-3.2.1"), inferSchemas: false);
    }

    private static DeviceTemplate LoadIgd()
    {
        var builder = new TemplateBuilder();
        List<string[]> rows = ParseCsv(ReadResource("huawei-bm632w-igd.csv"));
        foreach (string[] fields in rows.Skip(1))
        {
            if (fields.Length < 3 || fields[0].StartsWith("DeviceID.", StringComparison.Ordinal))
            {
                continue;
            }

            bool isObject = fields[1] == "true";
            string name = isObject ? fields[0] + "." : fields[0];
            string value = fields.Length > 3 ? fields[3] : string.Empty;
            ParameterType type = isObject ? ParameterType.Object : ParameterTypes.Parse(fields.Length > 4 && fields[4].Length > 0 ? fields[4] : "xsd:string");
            builder.Add(new TemplateRow(name, type, fields[2] == "true", IgdDefault(name, value), null));
        }

        foreach (TemplateRow row in ReadTsv(ReadResource("igd-supplement.tsv")))
        {
            builder.Add(row);
        }

        return builder.Build(new TemplateIdentity(IgdName, "Huawei Technologies Co., Ltd.", "202BC1", "BM632w", "8KA8WA", "V100R001IRQC56B017"), inferSchemas: true);
    }

    /// <summary>Values of the real dump that must differ per device (identity, addresses, credentials) become tokens.</summary>
    private static string IgdDefault(string name, string value)
    {
        const string ms = "InternetGatewayDevice.ManagementServer.";
        return name switch
        {
            "InternetGatewayDevice.DeviceInfo.SerialNumber" => "{serial}",
            "InternetGatewayDevice.DeviceInfo.UpTime" => "{uptime}",
            "InternetGatewayDevice.DeviceInfo.SoftwareVersion" => "{softwareversion}",
            ms + "URL" => "{acsurl}",
            ms + "Username" => "{acsuser}",
            ms + "Password" => "{acspass}",
            ms + "ConnectionRequestURL" => "{crurl}",
            ms + "ConnectionRequestUsername" => "{cruser}",
            ms + "ConnectionRequestPassword" => "{crpass}",
            ms + "PeriodicInformInterval" => "{interval}",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress" => "{wanip}",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.MACAddress" => "{mac}",
            _ when name.StartsWith("InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.", StringComparison.Ordinal)
                && name.EndsWith(".MACAddress", StringComparison.Ordinal) => "{mac+1}",
            _ => value,
        };
    }

    private static string ReadResource(string fileName)
    {
        Assembly assembly = typeof(TemplateLoader).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("Cwmp.Swarm.Templates." + fileName)
            ?? throw new InvalidOperationException($"The template resource {fileName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static IEnumerable<TemplateRow> ReadTsv(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            string[] fields = trimmed.Split('\t');
            ParameterType type = ParameterTypes.Parse(fields[1]);
            yield return new TemplateRow(
                fields[0],
                type,
                fields[2] == "W",
                fields.Length > 3 ? fields[3] : string.Empty,
                ParameterConstraints.Parse(fields.Length > 4 ? fields[4] : string.Empty));
        }
    }

    /// <summary>RFC 4180 fields: quoted fields may hold commas and doubled quotes.</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    internal static string Format(uint value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One row of a template file.</summary>
internal sealed record TemplateRow(string Name, ParameterType Type, bool Writable, string Default, ParameterConstraints? Constraints);
