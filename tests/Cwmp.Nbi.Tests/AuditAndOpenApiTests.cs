using System.Diagnostics.Metrics;
using System.Net;
using Cwmp.Nbi.Tests.Infrastructure;

namespace Cwmp.Nbi.Tests;

/// <summary>The audit trail of mutating calls, the OpenAPI document, and the request metric.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class AuditAndOpenApiTests(SecuredNbiHost host)
{
    [Fact]
    public async Task Every_mutating_call_is_audited_with_who_what_and_the_status()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "AUDIT001");
        await cpe.InformAsync();
        using var operatorClient = host.Client(SecuredNbiHost.OperatorKey);
        using var viewerClient = host.Client(SecuredNbiHost.ViewerKey);
        using var admin = host.Client(SecuredNbiHost.AdminKey);
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks",
            "{\"download\":{\"fileType\":\"1 Firmware Upgrade Image\",\"url\":\"http://user:secret@files.example/fw.bin\",\"password\":\"pw\"}}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tags", "{\"add\":[\"x\"]}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync($"/api/v1/devices/{cpe.DeviceKey}")).Status);

        var audit = await admin.GetAsync($"/api/v1/audit?device={cpe.DeviceKey}&since={Uri.EscapeDataString(before.ToString("O"))}&limit=10");
        Assert.Equal(HttpStatusCode.OK, audit.Status);
        var entries = audit.Json.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(2, entries.Length);
        Assert.Equal(("noc-viewer", "POST", 403), (entries[0].GetProperty("actor").GetString(), entries[0].GetProperty("method").GetString(), entries[0].GetProperty("status").GetInt32()));
        Assert.Equal(("oss-operator", 202), (entries[1].GetProperty("actor").GetString(), entries[1].GetProperty("status").GetInt32()));
        Assert.Equal("Download 1 Firmware Upgrade Image http://files.example/fw.bin", entries[1].GetProperty("summary").GetString());
        Assert.Equal(cpe.DeviceKey, entries[1].GetProperty("deviceKey").GetString());
        Assert.Equal($"/api/v1/devices/{cpe.DeviceKey}/tasks", entries[1].GetProperty("path").GetString());

        var later = await admin.GetAsync($"/api/v1/audit?device={cpe.DeviceKey}&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        Assert.Empty(later.Json.GetProperty("entries").EnumerateArray());

        var invalid = await admin.GetAsync("/api/v1/audit?since=last-week&limit=5000");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["limit", "since"], invalid.ErrorFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = host.Client();
        var response = await client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var paths = response.Json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            [
                "/api/v1/audit", "/api/v1/campaigns", "/api/v1/campaigns/{id}", "/api/v1/campaigns/{id}/cancel",
                "/api/v1/campaigns/{id}/failures", "/api/v1/campaigns/{id}/pause", "/api/v1/campaigns/{id}/resume", "/api/v1/campaigns/{id}/start",
                "/api/v1/devices", "/api/v1/devices/{key}", "/api/v1/devices/{key}/diagnostics", "/api/v1/devices/{key}/diagnostics/{id}",
                "/api/v1/devices/{key}/history", "/api/v1/devices/{key}/parameters", "/api/v1/devices/{key}/tags", "/api/v1/devices/{key}/tasks",
                "/api/v1/devices/{key}/tasks/{id}", "/api/v1/devices/{key}/tasks/{id}/retry", "/api/v1/devices/{key}/uploads", "/api/v1/devices/{key}/uploads/{id}",
                "/api/v1/devices/{key}/uploads/{id}/content", "/api/v1/faults", "/api/v1/files", "/api/v1/files/{id}",
                "/api/v1/files/{id}/content", "/api/v1/presets", "/api/v1/presets/{name}", "/api/v1/subscribers/registrations/{kind}/{value}"],
            paths.Order(StringComparer.Ordinal));
        Assert.True(response.Json.GetProperty("paths").GetProperty("/api/v1/devices/{key}/tasks").TryGetProperty("post", out _));
        Assert.True(response.Json.GetProperty("paths").GetProperty("/api/v1/files/{id}").TryGetProperty("put", out _));
        Assert.True(response.Json.GetProperty("paths").GetProperty("/api/v1/campaigns").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Requests_and_errors_are_counted_by_route_method_and_status()
    {
        var seen = new TaskCompletionSource<(string Instrument, string? Route, string? Method, int? Status)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NbiDiagnostics.MeterName && instrument.Name is "cwmp.nbi.requests" or "cwmp.nbi.errors")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var t = tags.ToArray().ToDictionary(k => k.Key, k => k.Value);
            if (t.GetValueOrDefault("route") as string != "/api/v1/devices/{key}" || (int?)t.GetValueOrDefault("status") != 401)
            {
                return;
            }

            if (instrument.Name == "cwmp.nbi.errors")
            {
                errors.TrySetResult();
            }
            else
            {
                seen.TrySetResult((instrument.Name, t["route"] as string, t["method"] as string, t["status"] as int?));
            }
        });
        listener.Start();

        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/devices/00259E-HG8245-METRIC01")).Status);

        var request = await Within.Await(seen.Task, Within.Call, "cwmp.nbi.requests to count the 401");
        Assert.Equal(("cwmp.nbi.requests", "/api/v1/devices/{key}", "GET", 401), request);
        await Within.Await(errors.Task, Within.Call, "cwmp.nbi.errors to count the 401");
    }
}
