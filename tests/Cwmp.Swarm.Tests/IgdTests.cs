using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests;

/// <summary>A device built from the real Huawei BM632w InternetGatewayDevice:1 dump.</summary>
public sealed class IgdTests
{
    [Fact]
    public async Task An_IGD_device_informs_with_its_TR_098_identity_and_forced_parameters()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { IgdShare = 1 });
        var inform = await h.FirstContactAsync();
        Assert.Equal("202BC1-BM632w-8KA8WA0000000000", h.Key());
        Assert.Equal(new DeviceIdStruct("Huawei Technologies Co., Ltd.", "202BC1", "BM632w", "8KA8WA0000000000"), inform.Inform.DeviceId);
        Assert.Equal(
            [
                "InternetGatewayDevice.DeviceSummary", "InternetGatewayDevice.DeviceInfo.HardwareVersion",
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.DeviceInfo.SpecVersion",
                "InternetGatewayDevice.DeviceInfo.ProvisioningCode", "InternetGatewayDevice.ManagementServer.ParameterKey",
                "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
                "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress",
            ],
            inform.Inform.ParameterList.AsSpan().ToArray().Select(p => p.Name));
        Assert.Equal("100.64.0.1", inform.Parameter("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress"));
        Assert.Equal("V100R001IRQC56B017", inform.Parameter("InternetGatewayDevice.DeviceInfo.SoftwareVersion"));
    }

    [Fact]
    public async Task IGD_tables_from_the_dump_and_from_the_supplement_accept_AddObject()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(o => o with { IgdShare = 1 });
        await h.FirstContactAsync();
        const string mappings = "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.PortMapping.";
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new AddObject(mappings, "pm"),
            new GetParameterNames(mappings + "1.", true),
            new AddObject("InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DHCPConditionalServingPool.", "pool"),
            new GetParameterValues(["InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "InternetGatewayDevice.DeviceInfo.SerialNumber", "InternetGatewayDevice.ManagementServer.URL"]),
            new AddObject("InternetGatewayDevice.LANDevice.1.Hosts.Host.", "host"));
        Assert.Equal(new AddObjectResponse(1, 0), answers[0]);
        Assert.Equal(9, ((GetParameterNamesResponse)answers[1]).ParameterList.Count);
        Assert.Equal(new AddObjectResponse(5, 0), answers[2]);
        Assert.Equal(["3600", "8KA8WA0000000000", h.Acs.Url.ToString()], ((GetParameterValuesResponse)answers[3]).ParameterList.AsSpan().ToArray().Select(p => p.Value));
        Assert.Equal(9005, ((CwmpFault)answers[4]).FaultCode);
    }
}
