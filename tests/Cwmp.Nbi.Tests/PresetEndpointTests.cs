using System.Net;
using Cwmp.Nbi.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tests;

/// <summary>/api/v1/presets and /api/v1/subscribers/registrations over real HTTP: roles, validation, audit, and a preset reaching a CPE.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class PresetEndpointTests(SecuredNbiHost host)
{
    private const string Valid = """
        {
          "precedence": 10,
          "criteria": { "productClass": "HG8245", "softwareVersion": { "min": "1.0", "max": "1.9" }, "tags": ["nbi-preset"] },
          "triggers": { "events": ["1 BOOT", "2 PERIODIC"], "window": { "start": "22:00", "end": "04:00" } },
          "actions": {
            "values": [ { "path": "Device.ManagementServer.PeriodicInformInterval", "value": 300 } ],
            "notifications": [ { "path": "Device.DeviceInfo.SoftwareVersion", "notification": 2 } ],
            "refresh": [ { "path": "Device.DeviceInfo.", "maxAgeSeconds": 3600 } ],
            "addTags": ["provisioned"]
          }
        }
        """;

    [Fact]
    public async Task Presets_are_created_read_replaced_listed_and_deleted_by_role()
    {
        using var operatorClient = host.Client(SecuredNbiHost.OperatorKey);
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);
        using var admin = host.Client(SecuredNbiHost.AdminKey);
        using var anonymous = host.Client();
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/presets")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync("/api/v1/presets/crud", Valid)).Status);

        var created = await operatorClient.PutAsync("/api/v1/presets/crud", Valid);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("/api/v1/presets/crud", created.Location);

        var read = await viewer.GetAsync("/api/v1/presets/crud");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("crud", read.Str("name"));
        Assert.Equal(10, read.Json.GetProperty("precedence").GetInt32());
        Assert.Equal("1.9", read.Json.GetProperty("criteria").GetProperty("softwareVersion").GetProperty("max").GetString());
        Assert.Equal("22:00", read.Json.GetProperty("triggers").GetProperty("window").GetProperty("start").GetString());
        var value = Assert.Single(read.Json.GetProperty("actions").GetProperty("values").EnumerateArray());
        Assert.Equal(("Device.ManagementServer.PeriodicInformInterval", "300"), (value.GetProperty("path").GetString(), value.GetProperty("value").GetString()));
        Assert.Equal(3600, read.Json.GetProperty("actions").GetProperty("refresh")[0].GetProperty("maxAgeSeconds").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PutAsync("/api/v1/presets/crud", Valid.Replace("\"precedence\": 10", "\"precedence\": 20", StringComparison.Ordinal))).Status);
        var list = await viewer.GetAsync("/api/v1/presets");
        var listed = Assert.Single(list.Json.GetProperty("presets").EnumerateArray(), p => p.GetProperty("name").GetString() == "crud");
        Assert.Equal(20, listed.GetProperty("precedence").GetInt32());
        Assert.True(list.Json.GetProperty("version").GetInt64() >= 2);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/v1/presets/crud")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync("/api/v1/presets/crud")).Status);
        var gone = await viewer.GetAsync("/api/v1/presets/crud");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("application/problem+json", gone.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync("/api/v1/presets/crud")).Status);

        var audit = await admin.GetAsync($"/api/v1/audit?since={Uri.EscapeDataString(before.ToString("O"))}&limit=100");
        string[] summaries = [.. audit.Json.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("path").GetString() == "/api/v1/presets/crud")
            .Select(e => $"{e.GetProperty("actor").GetString()} {e.GetProperty("method").GetString()} {e.GetProperty("status").GetInt32()} {e.GetProperty("summary").GetString()}")];
        Assert.Contains("oss-operator PUT 201 preset crud", summaries);
        Assert.Contains("oss-operator DELETE 204 delete preset crud", summaries);
        Assert.Contains("noc-viewer PUT 403 ", summaries.Select(s => s[..Math.Min(s.Length, "noc-viewer PUT 403 ".Length)]));
    }

    [Theory]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "0", null, "range")]
    [InlineData("Device.ManagementServer.PeriodicInformInterval", "often", null, "type")]
    [InlineData("Device.DeviceInfo.SoftwareVersion", "9.9", null, "notWritable")]
    [InlineData("Device.ManagementServer.NoSuchThing", "1", null, "unknownParameter")]
    [InlineData("Device.X_ACME_Speed", "fast", "xsd:unsignedInt", "type")]
    [InlineData("Device.DSL.Line.1.LinkStatus", "Up", null, "notWritable")]
    public async Task A_bad_value_is_a_400_that_names_the_parameter_and_the_rule(string path, string value, string? type, string rule)
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        string typed = type is null ? string.Empty : $", \"type\": \"{type}\"";

        var response = await client.PutAsync("/api/v1/presets/bad", $"{{\"actions\":{{\"values\":[{{\"path\":\"{path}\",\"value\":\"{value}\"{typed}}}]}}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        string field = Assert.Single(response.ErrorFields);
        string message = response.Json.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.StartsWith($"{path}: {rule}: ", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/presets/bad")).Status);
    }

    [Fact]
    public async Task Malformed_presets_are_refused_field_by_field()
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var response = await client.PutAsync("/api/v1/presets/bad%20name", """
            {
              "criteria": { "softwareVersion": { "pattern": "([" }, "tags": ["no spaces"] },
              "triggers": { "window": { "start": "25:00", "end": "04:00" } },
              "actions": {
                "objects": [ { "table": "Device.DeviceInfo.", "keys": [ { "path": "Alias", "value": "a" } ] } ],
                "notifications": [ { "path": "Device.DeviceInfo.SoftwareVersion", "notification": 9 } ],
                "firmware": { "softwareVersion": "2.0", "url": "file:///etc/passwd" },
                "colour": "blue"
              }
            }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(
            ["actions.colour", "actions.firmware.url", "actions.notifications[0].notification", "actions.objects[0].table", "criteria.softwareVersion.pattern",
                "criteria.tags[0]", "name", "triggers.window.start"],
            response.ErrorFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_preset_stored_through_the_nbi_reaches_the_cpe_at_its_next_inform()
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        using var cpe = new ScriptedCpe(host.CwmpPort, "PRESET01");
        await cpe.InformAsync("1 BOOT");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tags", "{\"add\":[\"nbi-reach\"]}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync("/api/v1/presets/reach", """
            { "criteria": { "tags": ["nbi-reach"] }, "actions": { "values": [ { "path": "Device.ManagementServer.PeriodicInformInterval", "value": "600" } ] } }
            """)).Status);
        try
        {
            CwmpEnvelope request = (await cpe.OpenSessionAsync("2 PERIODIC"))!;
            Assert.Equal(new SetParameterValues([new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "600", "xsd:unsignedInt")], string.Empty), request.Body);
            Assert.Null(await cpe.AnswerAsync(request.Header.Id!, "<cwmp:SetParameterValuesResponse><Status>0</Status></cwmp:SetParameterValuesResponse>"));

            // Converged: the next session brings nothing.
            await cpe.InformAsync("2 PERIODIC");
        }
        finally
        {
            await client.DeleteAsync("/api/v1/presets/reach");
        }
    }

    [Fact]
    public async Task Subscriber_registrations_are_stored_read_and_deleted_and_claimed_at_first_contact()
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync("/api/v1/subscribers/registrations/serial/SUB00001", "{\"subscriberId\":\"s-1\"}")).Status);
        var invalid = await client.PutAsync("/api/v1/subscribers/registrations/mac/SUB00001", "{\"subscriberId\":\"\",\"tags\":[\"a b\"]}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["kind"], invalid.ErrorFields);
        var badBody = await client.PutAsync("/api/v1/subscribers/registrations/serial/SUB00001", "{\"subscriberId\":\"\",\"tags\":[\"a b\"]}");
        Assert.Equal(["subscriberId", "tags[0]"], badBody.ErrorFields.Order(StringComparer.Ordinal));

        var created = await client.PutAsync("/api/v1/subscribers/registrations/serial/SUB00001", "{\"subscriberId\":\"s-1\",\"tags\":[\"gold\"]}");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/subscribers/registrations/serial/SUB00001", "{\"subscriberId\":\"s-1\",\"tags\":[\"gold\",\"fiber\"]}")).Status);

        using var cpe = new ScriptedCpe(host.CwmpPort, "SUB00001");
        await cpe.InformAsync("1 BOOT");

        var device = await viewer.GetAsync($"/api/v1/devices/{cpe.DeviceKey}");
        Assert.Equal("s-1", device.Str("subscriberId"));
        Assert.Equal(["fiber", "gold"], device.Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var registration = await viewer.GetAsync("/api/v1/subscribers/registrations/serial/SUB00001");
        Assert.Equal(cpe.DeviceKey, registration.Str("claimedBy"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/subscribers/registrations/serial/SUB00001")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/subscribers/registrations/serial/SUB00001")).Status);
    }
}
