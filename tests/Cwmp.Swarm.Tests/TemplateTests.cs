using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Tests;

/// <summary>The two shipped templates and what varies per device.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void The_Device2_template_is_a_home_gateway_of_more_than_500_parameters()
    {
        DeviceTemplate t = TemplateLoader.Device2;
        Assert.Equal("Device.", t.Root);
        Assert.True(t.ParameterCount >= 500, $"{t.ParameterCount} parameters");
        foreach (string prefix in new[]
        {
            "Device.DeviceInfo.", "Device.ManagementServer.", "Device.WiFi.Radio.2.", "Device.WiFi.SSID.4.", "Device.WiFi.AccessPoint.1.Security.",
            "Device.IP.Interface.2.IPv4Address.1.", "Device.Hosts.Host.4.", "Device.Ethernet.Interface.5.", "Device.DHCPv4.Server.Pool.1.",
            "Device.NAT.PortMapping.2.", "Device.IP.Diagnostics.IPPing.", "Device.IP.Diagnostics.TraceRoute.", "Device.IP.Diagnostics.DownloadDiagnostics.",
            "Device.IP.Diagnostics.UploadDiagnostics.", "Device.IP.Diagnostics.UDPEchoDiagnostics.",
        })
        {
            Assert.True(t.ByName.ContainsKey(prefix), prefix);
        }

        Assert.Equal(ParameterType.UnsignedInt, t.ByName["Device.ManagementServer.PeriodicInformInterval"].Type);
        Assert.True(t.ByName["Device.ManagementServer.PeriodicInformInterval"].Writable);
        Assert.False(t.ByName["Device.DeviceInfo.SerialNumber"].Writable);
        Assert.True(t.ByName["Device.ManagementServer.ConnectionRequestPassword"].Hidden);
        Assert.Equal(["Requested", "Canceled"], t.ByName["Device.IP.Diagnostics.IPPing.DiagnosticsState"].Constraints!.Enumeration!);
        Assert.True(t.Tables["Device.NAT.PortMapping.{i}."].Writable);
        Assert.False(t.Tables["Device.Hosts.Host.{i}."].Writable);
        Assert.Contains(t.Tables["Device.IP.Diagnostics.TraceRoute.RouteHops.{i}."].Entries, e => e.Name == "RTTimes");
    }

    [Fact]
    public void The_IGD_template_holds_every_row_of_the_Huawei_dump()
    {
        DeviceTemplate t = TemplateLoader.Igd;
        Assert.Equal("InternetGatewayDevice.", t.Root);

        // 1006 rows: 4 DeviceID rows, 210 objects (no value type), 792 parameters.
        Assert.Equal(792, t.ParameterCount);
        Assert.Equal(1002, t.Entries.Length);
        Assert.Equal(ParameterType.Boolean, t.ByName["InternetGatewayDevice.ManagementServer.PeriodicInformEnable"].Type);
        Assert.Equal("Huawei WiMAX Home Gateway", t.ByName["InternetGatewayDevice.DeviceInfo.Description"].Default);
        Assert.True(t.Tables["InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}."].Entries.Length >= 7);
        Assert.True(t.Tables["InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}."].Writable);
    }

    [Fact]
    public async Task Serial_numbers_addresses_and_credentials_differ_per_device_without_being_stored()
    {
        await using var swarm = new SwarmHost(new SwarmOptions { AcsUrl = new Uri("http://127.0.0.1:7547/"), Devices = 3, IgdShare = 0, EnableConnectionRequests = false });
        swarm.CreateDevices();
        DeviceModel a = swarm.Device(1).Model, b = swarm.Device(2).Model;
        Assert.Equal("SW0000000001", a.GetValue("Device.DeviceInfo.SerialNumber"));
        Assert.Equal("SW0000000002", b.GetValue("Device.DeviceInfo.SerialNumber"));
        Assert.Equal("AC:DE:48:00:00:08", a.GetValue("Device.Ethernet.Interface.5.MACAddress"));
        Assert.Equal("AC:DE:48:00:00:10", b.GetValue("Device.Ethernet.Interface.5.MACAddress"));
        Assert.Equal("100.64.0.5", a.GetValue("Device.IP.Interface.2.IPv4Address.1.IPAddress"));
        Assert.Equal("Swarm-0001", a.GetValue("Device.WiFi.SSID.1.SSID"));
        Assert.Equal("ACDE48-SwarmGW-SW0000000001", a.GetValue("Device.ManagementServer.Username"));
        Assert.Equal("http://127.0.0.1:7547/", a.GetValue("Device.ManagementServer.URL"));
        Assert.Null(swarm.Device(1).Overlay);
        Assert.Equal(System.Net.IPAddress.Parse("127.1.1.1"), swarm.Device(1).SourceAddress);
    }

    [Fact]
    public void Paths_are_made_generic_and_split_into_instances()
    {
        Assert.Equal("Device.IP.Interface.{i}.IPv4Address.{i}.", ParameterPath.Generic("Device.IP.Interface.12.IPv4Address.3."));
        Assert.Equal("Device.DeviceInfo.", ParameterPath.Generic("Device.DeviceInfo."));
        Assert.True(ParameterPath.IsInstancePath("Device.NAT.PortMapping.7.", out string table, out uint number));
        Assert.Equal(("Device.NAT.PortMapping.", 7u), (table, number));
        Assert.False(ParameterPath.IsInstancePath("Device.NAT.PortMapping.", out _, out _));
        Assert.Equal(3u, ParameterPath.InnermostInstance("Device.IP.Interface.12.IPv4Address.3.Enable"));
        Assert.Equal("Device.NAT.", ParameterPath.Parent("Device.NAT.PortMapping."));
        Assert.Equal("Device.NAT.PortMapping.1.", ParameterPath.Parent("Device.NAT.PortMapping.1.Enable"));
    }

    [Fact]
    public void Csv_fields_may_be_quoted_with_commas_and_doubled_quotes()
    {
        List<string[]> rows = TemplateLoader.ParseCsv("a,\"b, c\",\"d \"\"e\"\"\"\r\nf,,g\n");
        Assert.Equal([["a", "b, c", "d \"e\""], ["f", string.Empty, "g"]], rows);
    }
}
