using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Cwmp.Files;
using Cwmp.Nbi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Tests;

/// <summary>/api/v1/files and /api/v1/devices/{key}/uploads over real HTTP against the real host and its disk stores.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class FileEndpointTests(SecuredNbiHost host)
{
    private static readonly byte[] Firmware = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31 % 251))];

    [Fact]
    public async Task A_stored_file_has_its_metadata_size_and_sha256_and_is_listed_fetched_and_deleted()
    {
        using var operatorClient = host.Client(SecuredNbiHost.OperatorKey);
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);

        var stored = await operatorClient.SendRawAsync(HttpMethod.Put,
            "/api/v1/files/hg8245-v2.bin?fileType=1&oui=00259E&productClass=HG8245&version=V5R020", Firmware);
        Assert.Equal(HttpStatusCode.Created, stored.Status);
        Assert.Equal("/api/v1/files/hg8245-v2.bin", stored.Location);
        var json = stored.Json;
        Assert.Equal("hg8245-v2.bin", json.GetProperty("id").GetString());
        Assert.Equal(FileTypes.FirmwareUpgradeImage, json.GetProperty("fileType").GetString());
        Assert.Equal(("00259E", "HG8245", "V5R020"), (json.GetProperty("oui").GetString(), json.GetProperty("productClass").GetString(), json.GetProperty("version").GetString()));
        Assert.Equal(Firmware.Length, json.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Firmware)), json.GetProperty("sha256").GetString());
        Assert.False(json.TryGetProperty("blobName", out _));

        var metadata = await viewer.GetAsync("/api/v1/files/hg8245-v2.bin");
        Assert.Equal(HttpStatusCode.OK, metadata.Status);
        Assert.Equal(Firmware.Length, metadata.Json.GetProperty("size").GetInt64());

        var listed = await viewer.GetAsync("/api/v1/files?oui=00259E&productClass=HG8245&fileType=1%20Firmware%20Upgrade%20Image");
        Assert.Contains("hg8245-v2.bin", listed.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var other = await viewer.GetAsync("/api/v1/files?oui=FFFFFF");
        Assert.DoesNotContain("hg8245-v2.bin", other.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("id").GetString()));

        var content = await viewer.SendRawAsync(HttpMethod.Get, "/api/v1/files/hg8245-v2.bin/content");
        Assert.Equal(HttpStatusCode.OK, content.Status);
        Assert.Equal(Firmware, content.Body);
        Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(Firmware)) + "\"", content.ETag);
        var part = await viewer.SendRawAsync(HttpMethod.Get, "/api/v1/files/hg8245-v2.bin/content", configure: r => r.Headers.Range = new RangeHeaderValue(100, 199));
        Assert.Equal(HttpStatusCode.PartialContent, part.Status);
        Assert.Equal(Firmware[100..200], part.Body);
        Assert.Equal($"bytes 100-199/{Firmware.Length}", part.ContentRange);

        var deleted = await operatorClient.DeleteAsync("/api/v1/files/hg8245-v2.bin");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        var gone = await viewer.GetAsync("/api/v1/files/hg8245-v2.bin");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("application/problem+json", gone.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync("/api/v1/files/hg8245-v2.bin")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.SendRawAsync(HttpMethod.Get, "/api/v1/files/hg8245-v2.bin/content")).Status);

        using var admin = host.Client(SecuredNbiHost.AdminKey);
        var audit = await admin.GetAsync("/api/v1/audit?limit=50");
        var entries = audit.Json.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("path").GetString() == "/api/v1/files/hg8245-v2.bin").ToList();
        Assert.Contains(entries, e => e.GetProperty("method").GetString() == "PUT" && e.GetProperty("status").GetInt32() == 201
            && e.GetProperty("actor").GetString() == "oss-operator" && e.GetProperty("summary").GetString() == "store file hg8245-v2.bin (1 Firmware Upgrade Image V5R020)");
        Assert.Contains(entries, e => e.GetProperty("method").GetString() == "DELETE" && e.GetProperty("status").GetInt32() == 204);
    }

    [Fact]
    public async Task Bad_file_requests_are_problems_naming_the_field()
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var noType = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/a.bin", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, noType.Status);
        Assert.Equal("application/problem+json", noType.MediaType);
        Assert.Equal(["fileType"], Fields(noType));

        var badType = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/a.bin?fileType=9%20Bogus", [1]);
        Assert.Equal(["fileType"], Fields(badType));

        var badId = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/.hidden?fileType=1", [1]);
        Assert.Equal(["id"], Fields(badId));

        var misspelt = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/a.bin?fileType=1&vrsion=2", [1]);
        Assert.Equal(["vrsion"], Fields(misspelt));

        var badOui = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/ctl.bin?fileType=3&oui=" + Uri.EscapeDataString("a\u0001b"), [1]);
        Assert.Equal(HttpStatusCode.BadRequest, badOui.Status);
        Assert.Equal(["metadata"], Fields(badOui));

        // What curl --data-binary sends without -H: the content is still the file, served back with that type.
        var form = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/curl-default.cfg?fileType=3", [1, 2], "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.Created, form.Status);
        Assert.Equal(("application/x-www-form-urlencoded", 2L), (form.Json.GetProperty("contentType").GetString(), form.Json.GetProperty("size").GetInt64()));

        Assert.Equal(HttpStatusCode.Created, (await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/twice.cfg?fileType=3", [1])).Status);
        var again = await client.SendRawAsync(HttpMethod.Put, "/api/v1/files/twice.cfg?fileType=3", [2]);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("application/problem+json", again.MediaType);
        Assert.Equal(1, (await client.GetAsync("/api/v1/files/twice.cfg")).Json.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Only_operators_store_and_delete_files_and_everyone_needs_a_key()
    {
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);
        using var anonymous = host.Client();

        var refused = await viewer.SendRawAsync(HttpMethod.Put, "/api/v1/files/viewer.bin?fileType=1", [1]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/files/viewer.bin")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/v1/files/any.bin")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/files")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendRawAsync(HttpMethod.Get, "/api/v1/devices/00259E-HG8245-X/uploads")).Status);
    }

    [Fact]
    public async Task A_CPE_upload_is_listed_fetched_and_deleted_per_device()
    {
        const string device = "00259E-HG8245-UPLOAD01";
        Uri url = host.Services.GetRequiredService<FileUrlSigner>().BuildUploadUrl(device, "config.xml");
        byte[] dump = Encoding.UTF8.GetBytes("<config><wan>pppoe</wan></config>");
        using (var cpe = new HttpClient())
        {
            using var content = new ByteArrayContent(dump);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
            using HttpResponseMessage put = await Within.Await(cpe.PutAsync(url, content), Within.Call, "the file port to take the upload");
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var viewer = host.Client(SecuredNbiHost.ViewerKey);
        var listed = await viewer.GetAsync($"/api/v1/devices/{device}/uploads");
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal(device, listed.Str("deviceKey"));
        var upload = Assert.Single(listed.Json.GetProperty("uploads").EnumerateArray());
        string id = upload.GetProperty("id").GetString()!;
        Assert.Equal(("config.xml", "text/xml", (long)dump.Length, Convert.ToHexStringLower(SHA256.HashData(dump))),
            (upload.GetProperty("name").GetString(), upload.GetProperty("contentType").GetString(), upload.GetProperty("size").GetInt64(), upload.GetProperty("sha256").GetString()));

        var record = await viewer.GetAsync($"/api/v1/devices/{device}/uploads/{id}");
        Assert.Equal(id, record.Str("id"));
        var fetched = await viewer.SendRawAsync(HttpMethod.Get, $"/api/v1/devices/{device}/uploads/{id}/content");
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal("text/xml", fetched.MediaType);
        Assert.Equal(dump, fetched.Body);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/devices/{device}/uploads/{id}")).Status);
        using var operatorClient = host.Client(SecuredNbiHost.OperatorKey);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/v1/devices/{device}/uploads/{id}")).Status);
        Assert.Empty((await viewer.GetAsync($"/api/v1/devices/{device}/uploads")).Json.GetProperty("uploads").EnumerateArray());
        var missing = await viewer.GetAsync($"/api/v1/devices/{device}/uploads/{id}");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.MediaType);
        Assert.Equal(["key"], (await viewer.GetAsync("/api/v1/devices/not%20a%20key/uploads")).ErrorFields);
    }

    private static string[] Fields(RawResponse response) => [.. response.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
