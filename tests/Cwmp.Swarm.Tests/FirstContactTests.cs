using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests;

public sealed class FirstContactTests
{
    [Fact]
    public async Task First_contact_is_0_BOOTSTRAP_and_1_BOOT_with_the_forced_parameters()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        var inform = await h.FirstContactAsync();
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], inform.EventCodes);
        Assert.Equal(new DeviceIdStruct("Cwmp Swarm", "ACDE48", "SwarmGW", "SW0000000000"), inform.Inform.DeviceId);
        Assert.Equal("ACDE48-SwarmGW-SW0000000000", h.Key());
        Assert.Equal(0u, inform.Inform.RetryCount);
        Assert.Equal(
            [
                "Device.RootDataModelVersion", "Device.DeviceInfo.HardwareVersion", "Device.DeviceInfo.SoftwareVersion",
                "Device.DeviceInfo.ProvisioningCode", "Device.ManagementServer.ParameterKey", "Device.ManagementServer.ConnectionRequestURL",
                "Device.ManagementServer.AliasBasedAddressing", "Device.ManagementServer.UDPConnectionRequestAddress",
            ],
            inform.Inform.ParameterList.AsSpan().ToArray().Select(p => p.Name));
        Assert.Equal($"http://127.0.0.1:{h.Swarm.ConnectionRequestPort}/cr/ACDE48-SwarmGW-SW0000000000", inform.Parameter("Device.ManagementServer.ConnectionRequestURL"));
        Assert.Equal("SGW-3.2.1", inform.Parameter("Device.DeviceInfo.SoftwareVersion"));
        Assert.True(h.Device().Bootstrapped);
    }

    [Fact]
    public async Task The_next_session_after_bootstrap_is_periodic_at_the_interval()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        var periodic = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(3600));
        Assert.Equal(["2 PERIODIC"], periodic.EventCodes);
    }
}
