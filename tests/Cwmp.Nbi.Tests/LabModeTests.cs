using System.Net;
using Cwmp.Nbi.Tests.Infrastructure;

namespace Cwmp.Nbi.Tests;

/// <summary>Lab mode (Cwmp:Nbi:RequireAuthentication=false) and a host without a device index, as `dotnet run` is today.</summary>
public sealed class LabModeTests(LabNbiHost host) : IClassFixture<LabNbiHost>
{
    [Fact]
    public async Task Without_a_device_index_the_list_is_a_503_problem()
    {
        using var client = host.Client();
        var response = await client.GetAsync("/api/v1/devices");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("device index not configured: this ACS has no IDeviceIndex registered (it lands with issue 7)", response.Str("detail"));
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
