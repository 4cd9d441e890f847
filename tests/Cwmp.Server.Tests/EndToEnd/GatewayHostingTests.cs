using System.Net;
using Cwmp.Gateway;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.Server.Tests.EndToEnd;

public sealed class GatewayHostingTests : IDisposable
{
    private readonly TempDirectory _data = new("gateway-hosting");

    [Fact]
    public async Task Only_the_cwmp_port_serves_cpe_posts_and_the_configuration_reaches_gateway_and_grains()
    {
        await using var server = await InProcessServer.StartAsync(
            ServerPorts.Allocate(), "--Cwmp:Storage:DataDirectory=" + _data.Path, "--Cwmp:Auth:Required=false",
            "--Cwmp:Devices:SessionTimeout=00:00:45", "--Cwmp:Devices:MaxAttempts=5");

        Assert.False(server.Services.GetRequiredService<IOptions<CwmpAuthOptions>>().Value.Required);
        Cwmp.Grains.DeviceGrainOptions devices = server.Services.GetRequiredService<IOptions<Cwmp.Grains.DeviceGrainOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(45), 5), (devices.SessionTimeout, devices.MaxAttempts));
        foreach (var port in new[] { server.Ports.Nbi, server.Ports.Files })
        {
            using var cpe = new ScriptedCpe(port);
            var reply = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "PORT0001", "1", "1 BOOT"));
            Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        }

        using var onCwmpPort = new ScriptedCpe(server.Ports.Cwmp);
        Assert.Equal(HttpStatusCode.OK, (await onCwmpPort.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "PORT0001", "1", "1 BOOT"))).Status);
    }

    [Fact]
    public async Task Authentication_is_required_unless_the_lab_switch_turns_it_off()
    {
        await using var server = await InProcessServer.StartAsync(
            ServerPorts.Allocate(), "--Cwmp:Storage:DataDirectory=" + _data.Path, "--Cwmp:Auth:Required=true");

        Assert.True(server.Services.GetRequiredService<IOptions<CwmpAuthOptions>>().Value.Required);
        using var cpe = new ScriptedCpe(server.Ports.Cwmp);
        var reply = await cpe.PostAsync(CpeMessages.Inform(CpeMessages.Cwmp10, "Device.", "AUTH0001", "1", "1 BOOT"));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    public void Dispose() => _data.Dispose();
}
