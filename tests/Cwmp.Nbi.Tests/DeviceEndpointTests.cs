using System.Net;
using Cwmp.Grains.Index;
using Cwmp.Nbi.Tests.Infrastructure;

namespace Cwmp.Nbi.Tests;

/// <summary>/api/v1/devices over real HTTP against the real host; devices exist because a scripted CPE informed.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class DeviceEndpointTests(SecuredNbiHost host)
{
    [Fact]
    public async Task The_device_list_comes_from_the_index_with_every_filter_and_pages()
    {
        DateTimeOffset seen = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        foreach (string serial in new[] { "LIST01", "LIST02", "LIST03" })
        {
            await host.Index.UpsertAsync(new DeviceIndexEntry
            {
                DeviceKey = "AABBCC-LISTPC-" + serial,
                Manufacturer = "Acme",
                Oui = "AABBCC",
                ProductClass = "LISTPC",
                SerialNumber = serial,
                SoftwareVersion = serial == "LIST03" ? "2.0" : "1.0",
                HardwareVersion = "HW1",
                Tags = ["region:north", "vip"],
                SubscriberId = "sub-" + serial,
                LastInformAt = seen,
                DataModelRoot = "Device.",
            });
        }

        using var client = host.Client(SecuredNbiHost.ViewerKey);
        var first = await client.GetAsync(
            "/api/v1/devices?oui=AABBCC&productClass=LISTPC&softwareVersion=1.0&hardwareVersion=HW1&tag=region:north&tag=vip"
            + "&lastInformFrom=2026-11-30T00:00:00Z&lastInformTo=2026-12-01T00:00:00Z&online=true&limit=1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var device = Assert.Single(first.Json.GetProperty("devices").EnumerateArray());
        Assert.Equal("AABBCC-LISTPC-LIST01", device.GetProperty("deviceKey").GetString());
        Assert.Equal("sub-LIST01", device.GetProperty("subscriberId").GetString());
        Assert.Equal("k:AABBCC-LISTPC-LIST01", first.Str("nextCursor"));
        var asked = host.Index.Queries.Last();
        Assert.Equal(("AABBCC", "LISTPC", "1.0", "HW1", true, 1), (asked.Query.Oui, asked.Query.ProductClass, asked.Query.SoftwareVersion, asked.Query.HardwareVersion, asked.Query.Online, asked.Limit));
        Assert.Equal(["region:north", "vip"], asked.Query.Tags);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), asked.Query.LastInformFrom);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), asked.Query.LastInformTo);

        var second = await client.GetAsync("/api/v1/devices?oui=AABBCC&softwareVersion=1.0&subscriberId=sub-LIST02&limit=5&cursor=k:AABBCC-LISTPC-LIST01");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("AABBCC-LISTPC-LIST02", Assert.Single(second.Json.GetProperty("devices").EnumerateArray()).GetProperty("deviceKey").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.Json.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Bad_list_filters_are_a_400_naming_each_field()
    {
        using var client = host.Client(SecuredNbiHost.ViewerKey);
        var response = await client.GetAsync("/api/v1/devices?limit=0&online=maybe&lastInformFrom=yesterday&tag=bad%20tag&productclass=x&oui=a&oui=b");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(["lastInformFrom", "limit", "online", "oui", "productclass", "tag"], response.ErrorFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cursor_the_index_refuses_is_a_400()
    {
        using var client = host.Client(SecuredNbiHost.ViewerKey);
        var response = await client.GetAsync("/api/v1/devices?cursor=garbage");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("'garbage' is not a cursor of this index. (Parameter 'cursor')", response.Str("detail"));
    }

    [Fact]
    public async Task A_device_that_informed_has_a_summary_and_cached_parameters()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "DEV0001");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.ViewerKey);

        var summary = await client.GetAsync($"/api/v1/devices/{cpe.DeviceKey}");
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Equal(cpe.DeviceKey, summary.Str("deviceKey"));
        Assert.Equal("V5R019C10S115", summary.Str("softwareVersion"));
        Assert.Equal("Device.", summary.Str("dataModelRoot"));

        var parameters = await client.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/parameters?path=Device.DeviceInfo.");
        Assert.Equal(HttpStatusCode.OK, parameters.Status);
        Assert.Equal(
            ["Device.DeviceInfo.HardwareVersion=HW-1.0", "Device.DeviceInfo.ProvisioningCode=", "Device.DeviceInfo.SoftwareVersion=V5R019C10S115"],
            parameters.Json.GetProperty("parameters").EnumerateArray()
                .Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_device_is_a_404_and_a_malformed_key_a_400()
    {
        using var client = host.Client(SecuredNbiHost.ViewerKey);
        var unknown = await client.GetAsync("/api/v1/devices/00259E-HG8245-NEVERSEEN/parameters");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("no device '00259E-HG8245-NEVERSEEN' has ever informed this ACS", unknown.Str("detail"));

        var malformed = await client.GetAsync("/api/v1/devices/not-a-device-key");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(["key"], malformed.ErrorFields);
    }

    [Fact]
    public async Task Tags_are_added_removed_replaced_and_checked()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "DEV0002");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        string path = $"/api/v1/devices/{cpe.DeviceKey}/tags";

        var added = await client.PostAsync(path, "{\"add\":[\"vip\",\"region:north\"]}");
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal(["region:north", "vip"], added.Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));

        var changed = await client.PostAsync(path, "{\"add\":[\"beta\"],\"remove\":[\"vip\"]}");
        Assert.Equal(["beta", "region:north"], changed.Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));

        var replaced = await client.PutAsync(path, "{\"tags\":[\"gold\"]}");
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(["gold"], replaced.Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var invalid = await client.PostAsync(path, "{\"add\":[\"ok\",\"not ok\"],\"colour\":1}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["add[1]", "colour"], invalid.ErrorFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_forgotten_device_is_gone()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "DEV0003");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/devices/{cpe.DeviceKey}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/devices/{cpe.DeviceKey}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/devices/{cpe.DeviceKey}")).Status);
    }
}
