using System.Globalization;
using System.Text;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// The documents the benchmarks parse, as a CPE would send them. They are literal XML, never produced by
/// <see cref="CwmpWriter"/>, so that the parse benchmarks measure input shaped like the field's, not like our own output.
/// </summary>
public static class Payloads
{
    public const int InformParameterCount = 35;

    public const int GetParameterValuesResponseParameterCount = 500;

    /// <summary>A periodic TR-181 Device:2 Inform with pending value changes: cwmp-1-0, SOAP-ENV prefixes, indented.</summary>
    public static byte[] Inform { get; } = LoadResource("inform-tr181.xml");

    /// <summary>The answer to GetParameterValues("Device.Hosts.") on a busy home network: 50 hosts of 10 parameters.</summary>
    public static byte[] GetParameterValuesResponse { get; } = BuildGetParameterValuesResponse();

    private static byte[] LoadResource(string name)
    {
        using Stream stream = typeof(Payloads).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The payload {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] BuildGetParameterValuesResponse()
    {
        const int HostCount = GetParameterValuesResponseParameterCount / 10;
        var xml = new StringBuilder(64 * 1024);
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0">
            <SOAP-ENV:Header>
            <cwmp:ID SOAP-ENV:mustUnderstand="1">acs-7f3c1e0a-0004</cwmp:ID>
            </SOAP-ENV:Header>
            <SOAP-ENV:Body>
            <cwmp:GetParameterValuesResponse>

            """);
        xml.Append(CultureInfo.InvariantCulture, $"<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[{GetParameterValuesResponseParameterCount}]\">\n");
        for (int host = 1; host <= HostCount; host++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"Device.Hosts.Host.{host}.");
            Parameter(xml, prefix, "PhysAddress", "xsd:string", string.Create(CultureInfo.InvariantCulture, $"3c:22:fb:{host / 256:x2}:{host % 256:x2}:7e"));
            Parameter(xml, prefix, "IPAddress", "xsd:string", string.Create(CultureInfo.InvariantCulture, $"192.168.1.{100 + host}"));
            Parameter(xml, prefix, "AddressSource", "xsd:string", host % 7 == 0 ? "Static" : "DHCP");
            Parameter(xml, prefix, "DHCPClient", "xsd:string", string.Create(CultureInfo.InvariantCulture, $"Device.DHCPv4.Server.Pool.1.Client.{host}"));
            Parameter(xml, prefix, "LeaseTimeRemaining", "xsd:int", string.Create(CultureInfo.InvariantCulture, $"{86400 - (host * 997 % 86400)}"));
            Parameter(xml, prefix, "AssociatedDevice", "xsd:string", host % 3 == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"Device.WiFi.AccessPoint.{1 + (host % 2)}.AssociatedDevice.{host}"));
            Parameter(xml, prefix, "Layer1Interface", "xsd:string", host % 3 == 0 ? "Device.Ethernet.Interface.2" : "Device.WiFi.SSID.1");
            Parameter(xml, prefix, "Layer3Interface", "xsd:string", "Device.IP.Interface.2");
            Parameter(xml, prefix, "HostName", "xsd:string", string.Create(CultureInfo.InvariantCulture, $"living-room-device-{host:d3}"));
            Parameter(xml, prefix, "Active", "xsd:boolean", host % 5 == 0 ? "false" : "true");
        }

        xml.Append("""
            </ParameterList>
            </cwmp:GetParameterValuesResponse>
            </SOAP-ENV:Body>
            </SOAP-ENV:Envelope>

            """);
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    private static void Parameter(StringBuilder xml, string prefix, string name, string type, string value) =>
        xml.Append(CultureInfo.InvariantCulture, $"<ParameterValueStruct>\n<Name>{prefix}{name}</Name>\n<Value xsi:type=\"{type}\">{value}</Value>\n</ParameterValueStruct>\n");
}
