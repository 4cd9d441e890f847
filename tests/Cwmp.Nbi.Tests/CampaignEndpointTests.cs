using System.Net;
using System.Text.Json;
using Cwmp.Files;
using Cwmp.Grains.Index;
using Cwmp.Nbi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Tests;

/// <summary>
/// /api/v1/campaigns over real HTTP against the real host and its campaign grains. The shard workers are not part of
/// this host yet, so a started campaign does not progress: these tests cover creation, validation, the status
/// changes and reads, not completion.
/// </summary>
[Collection(SecuredHostGroup.Name)]
public sealed class CampaignEndpointTests(SecuredNbiHost host)
{
    [Fact]
    public async Task A_firmware_campaign_is_created_from_a_stored_file_and_read_back_and_listed()
    {
        await DevicesAsync("CAMPA1", 3);
        await FileAsync("campa1-v2.bin", "V2");
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var created = await client.PostAsync("/api/v1/campaigns",
            "{\"id\":\"campa1-upgrade\",\"name\":\"CAMPA1 to V2\",\"target\":{\"oui\":\"00259E\",\"productClass\":\"CAMPA1\",\"softwareVersion\":\"V1\"},"
            + "\"firmware\":{\"file\":\"campa1-v2.bin\"},"
            + "\"rollout\":{\"canaryCount\":1,\"wavePercentages\":[50,100],\"maxInFlight\":10,\"maxStartsPerMinute\":60,\"failureRateThreshold\":0.05,"
            + "\"minOutcomesForFailureRate\":1,\"connectionRequest\":true,\"deviceDeadlineSeconds\":259200}}");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("/api/v1/campaigns/campa1-upgrade", created.Location);
        JsonElement firmware = created.Json.GetProperty("firmware");
        Assert.Equal($"http://127.0.0.1:{host.FilesPort}/files/campa1-v2.bin", firmware.GetProperty("url").GetString());
        Assert.Equal(("V2", FileTypes.FirmwareUpgradeImage, 4u),
            (firmware.GetProperty("targetSoftwareVersion").GetString(), firmware.GetProperty("fileType").GetString(), firmware.GetProperty("fileSize").GetUInt32()));
        Assert.False(firmware.TryGetProperty("password", out _));
        Assert.Equal(3, created.Json.GetProperty("targetedNow").GetInt64());
        Assert.Equal("created", created.Json.GetProperty("progress").GetProperty("status").GetString());
        Assert.Equal(259200, created.Json.GetProperty("rollout").GetProperty("deviceDeadlineSeconds").GetInt64());

        using var viewer = host.Client(SecuredNbiHost.ViewerKey);
        var fetched = await viewer.GetAsync("/api/v1/campaigns/campa1-upgrade");
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal("CAMPA1 to V2", fetched.Str("name"));
        Assert.Equal("CAMPA1", fetched.Json.GetProperty("target").GetProperty("productClass").GetString());
        Assert.Equal([50, 100], fetched.Json.GetProperty("rollout").GetProperty("wavePercentages").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal(0.05, fetched.Json.GetProperty("rollout").GetProperty("failureRateThreshold").GetDouble());

        var listed = await viewer.GetAsync("/api/v1/campaigns?limit=1000");
        JsonElement entry = listed.Json.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "campa1-upgrade");
        Assert.Equal(("CAMPA1 to V2", "oss-operator", "created"),
            (entry.GetProperty("name").GetString(), entry.GetProperty("createdBy").GetString(), entry.GetProperty("status").GetString()));

        var twice = await client.PostAsync("/api/v1/campaigns",
            "{\"id\":\"campa1-upgrade\",\"target\":{\"productClass\":\"CAMPA1\"},\"firmware\":{\"file\":\"campa1-v2.bin\"}}");
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal("application/problem+json", twice.MediaType);
    }

    [Fact]
    public async Task Status_changes_follow_the_campaign_and_wrong_transitions_are_409s()
    {
        string[] keys = await DevicesAsync("CAMPB1", 2);
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        string body = $"{{\"name\":\"periodic inform\",\"target\":{{\"deviceKeys\":[\"{keys[0]}\",\"{keys[1]}\"]}},"
            + "\"parameters\":[{\"name\":\"Device.ManagementServer.PeriodicInformInterval\",\"value\":3600,\"type\":\"xsd:unsignedInt\"}]}";
        var created = await client.PostAsync("/api/v1/campaigns", body);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        string id = created.Str("id");
        Assert.StartsWith("c-", id, StringComparison.Ordinal);
        Assert.Equal(2, created.Json.GetProperty("targetedNow").GetInt64());
        Assert.Equal("3600", created.Json.GetProperty("parameters")[0].GetProperty("value").GetString());
        string path = $"/api/v1/campaigns/{id}";

        // Created: nothing to pause or resume.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(path + "/pause", null)).Status);
        var notPaused = await client.PostAsync(path + "/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, notPaused.Status);
        Assert.Equal("application/problem+json", notPaused.MediaType);
        Assert.Equal(["reasn"], (await client.PostAsync(path + "/pause", "{\"reasn\":\"typo\"}")).ErrorFields);

        // The devices left the target before the start: the campaign counts none and is complete at once.
        foreach (string key in keys)
        {
            await host.Index.RemoveAsync(key);
        }

        var started = await client.PostAsync(path + "/start", null);
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal(("completed", 0L, 0L), (started.Str("status"), started.Json.GetProperty("targeted").GetInt64(), started.Json.GetProperty("pending").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(path + "/start", null)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(path + "/pause", "{\"reason\":\"change freeze\"}")).Status);
        Assert.Equal("completed", (await client.GetAsync(path)).Json.GetProperty("progress").GetProperty("status").GetString());

        // A created campaign can be cancelled for good; it then neither starts nor resumes.
        await DevicesAsync("CAMPB2", 1);
        string other = (await client.PostAsync("/api/v1/campaigns", "{\"target\":{\"productClass\":\"CAMPB2\"},\"parameters\":[{\"name\":\"Device.X\",\"value\":\"1\"}]}")).Str("id");
        var cancelled = await client.PostAsync($"/api/v1/campaigns/{other}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal("cancelled", cancelled.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/campaigns/{other}/start", null)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/campaigns/{other}/resume", null)).Status);

        var failures = await host.Client(SecuredNbiHost.ViewerKey).GetAsync(path + "/failures?limit=10");
        Assert.Equal(HttpStatusCode.OK, failures.Status);
        Assert.Equal(id, failures.Str("campaignId"));
        Assert.Empty(failures.Json.GetProperty("failures").EnumerateArray());
        Assert.Equal(["limit"], (await client.GetAsync(path + "/failures?limit=0")).ErrorFields);

        using var admin = host.Client(SecuredNbiHost.AdminKey);
        var audit = await admin.GetAsync("/api/v1/audit?limit=200");
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("summary").GetString() == $"start campaign {id}" && e.GetProperty("status").GetInt32() == 200);
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("summary").GetString() == $"cancel campaign {other}" && e.GetProperty("status").GetInt32() == 200);
    }

    [Fact]
    public async Task A_campaign_that_is_not_sane_is_a_400_naming_the_field()
    {
        await DevicesAsync("CAMPC1", 1);
        await FileAsync("campc1-v2.bin", null);
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        const string target = "\"target\":{\"productClass\":\"CAMPC1\"}";
        const string firmware = "\"firmware\":{\"file\":\"campc1-v2.bin\",\"targetSoftwareVersion\":\"V2\"}";

        Assert.Equal(["firmware.file"], await FieldsAsync(client, $"{{{target},\"firmware\":{{\"file\":\"no-such.bin\",\"targetSoftwareVersion\":\"V2\"}}}}"));
        Assert.Equal(["firmware.targetSoftwareVersion"], await FieldsAsync(client, $"{{{target},\"firmware\":{{\"file\":\"campc1-v2.bin\"}}}}"));
        Assert.Equal(["target"], await FieldsAsync(client, $"{{\"target\":{{\"productClass\":\"NOSUCHPC\"}},{firmware}}}"));
        Assert.Equal(["target.all"], await FieldsAsync(client, $"{{\"target\":{{}},{firmware}}}"));
        Assert.Equal(["target"], await FieldsAsync(client, firmware.Insert(0, "{") + "}"));
        Assert.Equal(["firmware"], await FieldsAsync(client, $"{{{target}}}"));
        Assert.Equal(["parameters"], await FieldsAsync(client, $"{{{target},{firmware},\"parameters\":[{{\"name\":\"Device.X\",\"value\":\"1\"}}]}}"));
        Assert.Equal(["parameters[0].name"], await FieldsAsync(client, $"{{{target},\"parameters\":[{{\"name\":\"Device.X.\",\"value\":\"1\"}}]}}"));
        Assert.Equal(["rollout.wavePercentages"], await FieldsAsync(client, $"{{{target},{firmware},\"rollout\":{{\"wavePercentages\":[50,10]}}}}"));
        Assert.Equal(["rollout.failureRateThreshold"], await FieldsAsync(client, $"{{{target},{firmware},\"rollout\":{{\"failureRateThreshold\":2}}}}"));
        Assert.Equal(["rollout.maxInFlight"], await FieldsAsync(client, $"{{{target},{firmware},\"rollout\":{{\"maxInFlight\":0}}}}"));
        Assert.Equal(["rollout.deviceDeadlineSeconds"], await FieldsAsync(client, $"{{{target},{firmware},\"rollout\":{{\"deviceDeadlineSeconds\":5}}}}"));
        Assert.Equal(["rollout.waves"], await FieldsAsync(client, $"{{{target},{firmware},\"rollout\":{{\"waves\":3}}}}"));
        Assert.Equal(["id"], await FieldsAsync(client, $"{{\"id\":\"../x\",{target},{firmware}}}"));
        Assert.Equal(["target.deviceKeys[0]"], await FieldsAsync(client, $"{{\"target\":{{\"deviceKeys\":[\"not a key\"]}},{firmware}}}"));

        var notJson = await client.PostAsync("/api/v1/campaigns", "{\"target\":");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.SendAsync(HttpMethod.Post, "/api/v1/campaigns", "{}", "text/plain")).Status);
    }

    [Fact]
    public async Task Viewers_read_operators_write_and_unknown_campaigns_are_404s()
    {
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);
        using var anonymous = host.Client();
        const string body = "{\"target\":{\"all\":true},\"parameters\":[{\"name\":\"Device.X\",\"value\":\"1\"}]}";

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/campaigns", body)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/campaigns", body)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/campaigns")).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/campaigns")).Status);
        foreach (string action in new[] { "start", "pause", "resume", "cancel" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/campaigns/any/{action}", null)).Status);
        }

        using var client = host.Client(SecuredNbiHost.OperatorKey);
        var missing = await client.GetAsync("/api/v1/campaigns/no-such-campaign");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/campaigns/no-such-campaign/start", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/campaigns/no-such-campaign/failures")).Status);
        Assert.Equal(["cursor"], (await client.GetAsync("/api/v1/campaigns?cursor=no-such-campaign")).ErrorFields);
    }

    private async Task<string[]> DevicesAsync(string productClass, int count)
    {
        string[] keys = [.. Enumerable.Range(1, count).Select(i => $"00259E-{productClass}-SN{i:D4}")];
        foreach (string key in keys)
        {
            await host.Index.UpsertAsync(new DeviceIndexEntry
            {
                DeviceKey = key,
                Manufacturer = "Huawei",
                Oui = "00259E",
                ProductClass = productClass,
                SerialNumber = key[(key.LastIndexOf('-') + 1)..],
                SoftwareVersion = "V1",
                LastInformAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
                DataModelRoot = "Device.",
            });
        }

        return keys;
    }

    private async Task FileAsync(string id, string? version) =>
        await host.Services.GetRequiredService<IFileStore>().AddAsync(
            new NewFile(id, FileTypes.FirmwareUpgradeImage, "00259E", null, version), new MemoryStream("V2!!"u8.ToArray()));

    private static async Task<string[]> FieldsAsync(NbiClient client, string body)
    {
        var response = await client.PostAsync("/api/v1/campaigns", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        return response.ErrorFields;
    }
}
