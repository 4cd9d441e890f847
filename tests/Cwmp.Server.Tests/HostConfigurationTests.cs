using Cwmp.Server.Configuration;
using Cwmp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.Server.Tests;

/// <summary>Configuration mistakes stop the host at composition, with a message naming the setting.</summary>
public sealed class HostConfigurationTests
{
    [Fact]
    public void A_gateway_only_process_cannot_use_the_embedded_store()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CwmpServerApplication.Build(["--Cwmp:Roles=Gateway"]));
        Assert.Equal(
            "Cwmp:Roles has no Silo, so this process runs no embedded store; a gateway-only process needs Cwmp:Storage:Mode=Redis and the cluster's ConnectionString.",
            error.Message);
    }

    [Fact]
    public void Redis_mode_needs_a_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CwmpServerApplication.Build(["--Cwmp:Storage:Mode=Redis"]));
        Assert.Equal("Cwmp:Storage:Mode is Redis but Cwmp:Storage:ConnectionString is empty.", error.Message);
    }

    [Fact]
    public void An_empty_role_list_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CwmpServerApplication.Build(["--Cwmp:Roles=None"]));
        Assert.Equal("Cwmp:Roles names no role; use Silo, Gateway or both.", error.Message);
    }

    [Fact]
    public async Task Defaults_are_one_process_with_embedded_storage_on_the_operator_ports()
    {
        await using var app = CwmpServerApplication.Build([]);

        Assert.Equal(ServerRoles.Silo | ServerRoles.Gateway, app.Services.GetRequiredService<ServerRoleSet>().Roles);
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(StorageMode.Embedded, storage.Mode);
        Assert.Equal("./data", storage.DataDirectory);
        Assert.Equal(TimeSpan.FromMinutes(5), storage.CheckpointInterval);
        var ports = app.Services.GetRequiredService<IOptions<PortOptions>>().Value;
        Assert.Equal((7547, 7557, 7567), (ports.Cwmp, ports.Nbi, ports.Files));
        Assert.Equal(Path.GetFullPath("./data"), app.Services.GetRequiredService<EmbeddedGarnetSettings>().DataDirectory);
    }

    [Fact]
    public async Task Authentication_is_off_in_the_shipped_defaults_and_on_in_production()
    {
        await using var development = CwmpServerApplication.Build(["--environment=Development"]);
        await using var production = CwmpServerApplication.Build(["--environment=Production"]);

        Assert.False(development.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Required);
        Assert.True(production.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Required);
    }
}
