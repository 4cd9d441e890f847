using System.Net;
using Cwmp.Nbi.Tests.Infrastructure;

namespace Cwmp.Nbi.Tests;

/// <summary>Lab mode (Cwmp:Nbi:RequireAuthentication=false) on the real host, as `dotnet run` starts it.</summary>
public sealed class LabModeTests(LabNbiHost host) : IClassFixture<LabNbiHost>
{
    [Fact]
    public async Task The_device_list_comes_from_the_real_index_without_waking_grains()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "LABINDEX1");
        await cpe.InformAsync();
        using var client = host.Client();

        var response = await client.GetAsync("/api/v1/devices?limit=1000");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var keys = response.Json.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("deviceKey").GetString()).ToList();
        Assert.Contains(cpe.DeviceKey, keys);
    }

    [Fact]
    public async Task Every_caller_is_an_admin_and_is_audited_as_lab()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "LAB00001");
        await cpe.InformAsync();
        using var client = host.Client();

        var tags = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tags", "{\"add\":[\"lab\"]}");
        Assert.Equal(HttpStatusCode.OK, tags.Status);
        var audit = await client.GetAsync($"/api/v1/audit?device={cpe.DeviceKey}");
        Assert.Equal(HttpStatusCode.OK, audit.Status);
        var entry = Assert.Single(audit.Json.GetProperty("entries").EnumerateArray());
        Assert.Equal(("lab", "tags +lab", 200), (entry.GetProperty("actor").GetString(), entry.GetProperty("summary").GetString(), entry.GetProperty("status").GetInt32()));
    }
}
