using System.Net;
using System.Text.Json;
using Cwmp.Nbi.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tests;

/// <summary>/api/v1/devices/{key}/diagnostics and /history over real HTTP, a scripted CPE running the sessions.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class DiagnosticEndpointTests(SecuredNbiHost host)
{
    [Fact]
    public async Task A_ping_with_a_connection_request_and_a_wait_is_a_200_with_its_results()
    {
        using var listener = new ConnectionRequestListener();
        using var cpe = new ScriptedCpe(host.CwmpPort, "DIAG0001");
        await cpe.InformAsync("1 BOOT", listener.Url);
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        Task<NbiResponse> submitted = client.PostAsync(
            $"/api/v1/devices/{cpe.DeviceKey}/diagnostics?connectionRequest=true&timeout=30",
            "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\",\"numberOfRepetitions\":3,\"timeoutMilliseconds\":1000}");
        Assert.Equal("GET /cr HTTP/1.1", await Within.Await(listener.Received, Within.Call, "the connection request to reach the CPE"));

        CwmpEnvelope set = (await cpe.OpenSessionAsync("6 CONNECTION REQUEST"))!;
        var spv = Assert.IsType<SetParameterValues>(set.Body);
        Assert.Equal(
            [
                ("Device.IP.Diagnostics.IPPing.Host", "192.0.2.1"),
                ("Device.IP.Diagnostics.IPPing.NumberOfRepetitions", "3"),
                ("Device.IP.Diagnostics.IPPing.Timeout", "1000"),
                ("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested"),
            ],
            spv.ParameterList.AsSpan().ToArray().Select(p => (p.Name, p.Value)));
        Assert.Null(await cpe.AnswerAsync(set.Header.Id!, "<cwmp:SetParameterValuesResponse><Status>0</Status></cwmp:SetParameterValuesResponse>"));

        CwmpEnvelope read = (await cpe.OpenSessionAsync("8 DIAGNOSTICS COMPLETE"))!;
        Assert.Equal(new GetParameterValues(["Device.IP.Diagnostics.IPPing."]), read.Body);
        Assert.Null(await cpe.AnswerAsync(read.Header.Id!,
            "<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[5]\">"
            + Value("DiagnosticsState", "Complete", "xsd:string") + Value("SuccessCount", "3") + Value("FailureCount", "0")
            + Value("MinimumResponseTime", "9") + Value("MaximumResponseTime", "17")
            + "</ParameterList></cwmp:GetParameterValuesResponse>"));

        var response = await Within.Await(submitted, Within.Call, "the waiting diagnostic request to return");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("accepted", response.Str("connectionRequest"));
        JsonElement diagnostic = response.Json.GetProperty("diagnostic");
        Assert.Equal(("IPPing", "complete", "Complete", "oss-operator"),
            (diagnostic.GetProperty("kind").GetString(), diagnostic.GetProperty("status").GetString(), diagnostic.GetProperty("diagnosticsState").GetString(), diagnostic.GetProperty("requester").GetString()));
        Assert.Equal("3", diagnostic.GetProperty("results").GetProperty("Device.IP.Diagnostics.IPPing.SuccessCount").GetString());
        JsonElement summary = diagnostic.GetProperty("summary");
        Assert.Equal((3u, 0u, 9.0, 17.0),
            (summary.GetProperty("successCount").GetUInt32(), summary.GetProperty("failureCount").GetUInt32(),
             summary.GetProperty("minimumResponseTimeMs").GetDouble(), summary.GetProperty("maximumResponseTimeMs").GetDouble()));

        string id = diagnostic.GetProperty("id").GetString()!;
        var one = await host.Client(SecuredNbiHost.ViewerKey).GetAsync($"/api/v1/devices/{cpe.DeviceKey}/diagnostics/{id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal("complete", one.Str("status"));
        var list = await host.Client(SecuredNbiHost.ViewerKey).GetAsync($"/api/v1/devices/{cpe.DeviceKey}/diagnostics");
        Assert.Equal([id], list.Json.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_diagnostic_without_a_wait_is_a_202_with_its_location()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "DIAG0002");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var response = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/diagnostics",
            "{\"kind\":\"ServerSelection\",\"hostList\":[\"192.0.2.1\",\"192.0.2.2\"],\"protocol\":\"ICMP\"}");
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        JsonElement diagnostic = response.Json.GetProperty("diagnostic");
        Assert.Equal("requested", diagnostic.GetProperty("status").GetString());
        Assert.Equal("Device.IP.Diagnostics.ServerSelectionDiagnostics.", diagnostic.GetProperty("objectPath").GetString());
        Assert.Equal(diagnostic.GetProperty("location").GetString(), response.Location);
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("connectionRequest").ValueKind);

        var fetched = await client.GetAsync(response.Location!);
        Assert.Equal("requested", fetched.Str("status"));
        Assert.Equal("192.0.2.1,192.0.2.2", fetched.Json.GetProperty("arguments").GetProperty("Device.IP.Diagnostics.ServerSelectionDiagnostics.HostList").GetString());

        // The SetParameterValues is the device's task like any other.
        var task = await client.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks/{fetched.Str("requestTaskId")}");
        Assert.Equal(("SetParameterValues", "pending"), (task.Str("method"), task.Str("state")));
    }

    [Fact]
    public async Task Bad_diagnostics_are_400s_naming_the_field_and_viewers_may_not_run_them()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "DIAG0003");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        string path = $"/api/v1/devices/{cpe.DeviceKey}/diagnostics";

        Assert.Equal(["kind"], (await client.PostAsync(path, "{\"kind\":\"Speedtest\"}")).ErrorFields);
        Assert.Equal(["host"], (await client.PostAsync(path, "{\"kind\":\"TraceRoute\"}")).ErrorFields);
        Assert.Equal(["port"], (await client.PostAsync(path, "{\"kind\":\"UDPEcho\",\"host\":\"192.0.2.1\",\"port\":-1}")).ErrorFields);
        Assert.Equal(["downloadUrl"], (await client.PostAsync(path, "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\",\"downloadUrl\":\"http://x/\"}")).ErrorFields);
        Assert.Equal(["hostList"], (await client.PostAsync(path, "{\"kind\":\"ServerSelection\",\"hostList\":[]}")).ErrorFields);
        Assert.Equal(["timeout"], (await client.PostAsync(path + "?timeout=9999", "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\"}")).ErrorFields);
        Assert.Equal(["timeout"], (await client.PostAsync(path + "?timeout=5", "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\",\"timeout\":5}")).ErrorFields);

        var refusedByGrain = await client.PostAsync(path, "{\"kind\":\"IPPing\",\"host\":\"\"}");
        Assert.Equal(HttpStatusCode.BadRequest, refusedByGrain.Status);
        Assert.Equal("application/problem+json", refusedByGrain.MediaType);

        var unknown = await client.PostAsync("/api/v1/devices/00259E-HG8245-NEVERSEEN/diagnostics", "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\"}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}/diag-999")).Status);

        var viewer = await host.Client(SecuredNbiHost.ViewerKey).PostAsync(path, "{\"kind\":\"IPPing\",\"host\":\"192.0.2.1\"}");
        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(path)).Status);
        Assert.Empty((await client.GetAsync(path)).Json.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task The_history_of_a_parameter_holds_the_values_notified_with_value_change()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "HIST0001");
        await cpe.InformAsync("1 BOOT", "http://192.0.2.10:30005/cr");
        await cpe.InformAsync("4 VALUE CHANGE", "http://192.0.2.11:30005/cr");
        await cpe.InformAsync("4 VALUE CHANGE", "http://192.0.2.12:30005/cr");
        using var viewer = host.Client(SecuredNbiHost.ViewerKey);

        var history = await viewer.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/history?parameter=Device.ManagementServer.ConnectionRequestURL");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Equal("Device.ManagementServer.ConnectionRequestURL", history.Str("parameter"));
        Assert.Equal(["http://192.0.2.12:30005/cr", "http://192.0.2.11:30005/cr"],
            history.Json.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));

        var unchanged = await viewer.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/history?parameter=Device.DeviceInfo.SoftwareVersion");
        Assert.Empty(unchanged.Json.GetProperty("values").EnumerateArray());
        Assert.Equal(["parameter"], (await viewer.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/history")).ErrorFields);
        Assert.Equal(["parameter"], (await viewer.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/history?parameter=Device.DeviceInfo.")).ErrorFields);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/devices/00259E-HG8245-NEVERSEEN/history?parameter=Device.X")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync($"/api/v1/devices/{cpe.DeviceKey}/history?parameter=Device.X")).Status);
    }

    private static string Value(string name, string value, string type = "xsd:unsignedInt") =>
        $"<ParameterValueStruct><Name>Device.IP.Diagnostics.IPPing.{name}</Name><Value xsi:type=\"{type}\">{value}</Value></ParameterValueStruct>";
}
