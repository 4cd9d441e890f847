using System.Net;
using System.Text.Json;
using Cwmp.Nbi.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tests;

/// <summary>/api/v1/devices/{key}/tasks and /faults over real HTTP, with a scripted CPE running the sessions.</summary>
[Collection(SecuredHostGroup.Name)]
public sealed class TaskEndpointTests(SecuredNbiHost host)
{
    [Fact]
    public async Task A_task_done_within_the_wait_is_a_200_with_its_values()
    {
        using var listener = new ConnectionRequestListener();
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0001");
        await cpe.InformAsync("1 BOOT", listener.Url);
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        // The NBI call waits; the CPE, woken by the connection request, runs the session meanwhile.
        Task<NbiResponse> submitted = client.PostAsync(
            $"/api/v1/devices/{cpe.DeviceKey}/tasks?connectionRequest=true&timeout=30",
            "{\"getParameterValues\":{\"names\":[\"Device.DeviceInfo.UpTime\"]}}");
        Assert.Equal("GET /cr HTTP/1.1", await Within.Await(listener.Received, Within.Call, "the connection request to reach the CPE"));
        CwmpEnvelope request = (await cpe.OpenSessionAsync("6 CONNECTION REQUEST"))!;
        Assert.Equal(new GetParameterValues(["Device.DeviceInfo.UpTime"]), request.Body);
        Assert.Null(await cpe.AnswerAsync(request.Header.Id!,
            "<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[1]\">"
            + "<ParameterValueStruct><Name>Device.DeviceInfo.UpTime</Name><Value xsi:type=\"xsd:unsignedInt\">4711</Value></ParameterValueStruct>"
            + "</ParameterList></cwmp:GetParameterValuesResponse>"));

        var response = await Within.Await(submitted, Within.Call, "the waiting task submission to return");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("accepted", response.Str("connectionRequest"));
        var task = Assert.Single(response.Json.GetProperty("tasks").EnumerateArray());
        Assert.Equal(request.Header.Id, task.GetProperty("id").GetString());
        Assert.Equal("GetParameterValues", task.GetProperty("method").GetString());
        Assert.Equal("done", task.GetProperty("state").GetString());
        Assert.Equal(1, task.GetProperty("attempts").GetInt32());
        Assert.Equal("oss-operator", task.GetProperty("requester").GetString());
        var value = Assert.Single(task.GetProperty("response").GetProperty("parameters").EnumerateArray());
        Assert.Equal(("Device.DeviceInfo.UpTime", "4711", "xsd:unsignedInt"),
            (value.GetProperty("name").GetString(), value.GetProperty("value").GetString(), value.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_task_not_done_is_a_202_with_its_location_which_serves_it()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0002");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var response = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks", "{\"reboot\":{\"commandKey\":\"rb-1\"}}");
        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var task = Assert.Single(response.Json.GetProperty("tasks").EnumerateArray());
        string id = task.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/devices/{cpe.DeviceKey}/tasks/{id}", response.Location);
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("connectionRequest").ValueKind);

        var fetched = await client.GetAsync(response.Location!);
        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal("pending", fetched.Str("state"));
        Assert.Equal("Reboot", fetched.Str("method"));
        Assert.Equal("rb-1", fetched.Json.GetProperty("request").GetProperty("reboot").GetProperty("commandKey").GetString());
        Assert.Equal(JsonValueKind.Null, fetched.Json.GetProperty("response").ValueKind);

        var listed = await client.GetAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks");
        Assert.Equal([id], listed.Json.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_wait_that_ends_before_the_task_is_a_202_with_the_connection_request_outcome()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0003");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        // No session comes: the one-second wait ends first.
        var response = await client.PostAsync(
            $"/api/v1/devices/{cpe.DeviceKey}/tasks",
            "{\"setParameterValues\":{\"values\":[{\"name\":\"Device.ManagementServer.PeriodicInformInterval\",\"value\":300,\"type\":\"xsd:unsignedInt\"}],\"parameterKey\":\"k1\"},\"timeout\":1}");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        var task = Assert.Single(response.Json.GetProperty("tasks").EnumerateArray());
        Assert.Equal("pending", task.GetProperty("state").GetString());
        var value = Assert.Single(task.GetProperty("request").GetProperty("setParameterValues").GetProperty("values").EnumerateArray());
        Assert.Equal("300", value.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Refresh_queues_names_then_values_of_the_subtree()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0004");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);

        var response = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks", "{\"refresh\":{\"path\":\"Device.WiFi.\"}}");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Equal(
            ["GetParameterNames", "GetParameterValues"],
            response.Json.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("method").GetString()));
        CwmpEnvelope first = (await cpe.OpenSessionAsync("2 PERIODIC"))!;
        Assert.Equal(new GetParameterNames("Device.WiFi.", false), first.Body);
    }

    [Fact]
    public async Task A_pending_task_can_be_cancelled_once()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0005");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        var queued = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks", "{\"factoryReset\":{}}");
        string location = queued.Location!;

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(location)).Status);
        Assert.Equal("cancelled", (await client.GetAsync(location)).Str("state"));
        var again = await client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.EndsWith("is cancelled; only a task not yet sent can be cancelled", again.Str("detail"), StringComparison.Ordinal);
        var unknown = await client.DeleteAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks/acs-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal($"device '{cpe.DeviceKey}' has no task 'acs-999'", unknown.Str("detail"));
    }

    [Fact]
    public async Task A_faulted_task_is_listed_under_faults_and_can_be_retried()
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0006");
        await cpe.InformAsync();
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        var queued = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks", "{\"getParameterValues\":{\"names\":[\"Device.Nope.\"]}}");
        string id = Assert.Single(queued.Json.GetProperty("tasks").EnumerateArray()).GetProperty("id").GetString()!;

        CwmpEnvelope request = (await cpe.OpenSessionAsync("2 PERIODIC"))!;
        Assert.Null(await cpe.AnswerAsync(request.Header.Id!,
            "<SOAP-ENV:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail>"
            + "<cwmp:Fault><FaultCode>9005</FaultCode><FaultString>Invalid parameter name</FaultString></cwmp:Fault></detail></SOAP-ENV:Fault>"));

        var faults = await client.GetAsync($"/api/v1/faults?device={cpe.DeviceKey}");
        Assert.Equal(HttpStatusCode.OK, faults.Status);
        var faulted = Assert.Single(faults.Json.GetProperty("tasks").EnumerateArray());
        Assert.Equal((id, "faulted"), (faulted.GetProperty("id").GetString(), faulted.GetProperty("state").GetString()));
        Assert.Equal(9005, faulted.GetProperty("fault").GetProperty("code").GetInt32());
        Assert.Equal("Invalid parameter name", faulted.GetProperty("fault").GetProperty("string").GetString());

        var retried = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.Status);
        var again = Assert.Single(retried.Json.GetProperty("tasks").EnumerateArray());
        Assert.NotEqual(id, again.GetProperty("id").GetString());
        Assert.Equal("pending", again.GetProperty("state").GetString());
        Assert.Equal("Device.Nope.", again.GetProperty("request").GetProperty("getParameterValues").GetProperty("names")[0].GetString());

        var notFaulted = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks/{again.GetProperty("id").GetString()}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, notFaulted.Status);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("{}", "body")]
    [InlineData("{\"reboot\":{},\"factoryReset\":{}}", "body")]
    [InlineData("{\"getParameterValues\":{\"names\":[]}}", "getParameterValues.names")]
    [InlineData("{\"getParameterValues\":{\"nmes\":[\"Device.\"]}}", "getParameterValues.names", "getParameterValues.nmes")]
    [InlineData("{\"getParameterValues\":{\"names\":[\"Device. X\"]}}", "getParameterValues.names[0]")]
    [InlineData("{\"setParameterValues\":{\"values\":[{\"name\":\"Device.A\",\"value\":\"x\",\"type\":\"xsd:nope\"}]}}", "setParameterValues.values[0].type")]
    [InlineData("{\"setParameterValues\":{\"values\":[{\"name\":\"Device.A\",\"value\":\"-5\",\"type\":\"xsd:unsignedInt\"}]}}", "setParameterValues.values[0].value")]
    [InlineData("{\"setParameterValues\":{\"values\":[{\"name\":\"Device.A.\",\"value\":\"1\"}],\"parameterKey\":\"123456789012345678901234567890123\"}}", "setParameterValues.parameterKey", "setParameterValues.values[0].name")]
    [InlineData("{\"getParameterNames\":{\"path\":\"Device.A\",\"nextLevel\":true}}", "getParameterNames.nextLevel")]
    [InlineData("{\"addObject\":{\"objectName\":\"Device.NAT.PortMapping\"}}", "addObject.objectName")]
    [InlineData("{\"download\":{\"fileType\":\"1 Firmware Upgrade Image\",\"url\":\"file:///etc/passwd\"}}", "download.url")]
    [InlineData("{\"scheduleInform\":{\"delaySeconds\":0}}", "scheduleInform.delaySeconds")]
    [InlineData("{\"reboot\":{},\"timeout\":61}", "timeout")]
    [InlineData("{\"reboot\":{},\"connectionRequest\":\"yes\"}", "connectionRequest")]
    [InlineData("{\"reboot\":", "body")]
    public async Task An_invalid_task_body_is_a_400_naming_the_field(string body, params string[] fields)
    {
        using var cpe = new ScriptedCpe(host.CwmpPort, "TASK0007");
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        var response = await client.PostAsync($"/api/v1/devices/{cpe.DeviceKey}/tasks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(fields, response.ErrorFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_and_a_task_for_an_unknown_device_a_404()
    {
        using var client = host.Client(SecuredNbiHost.OperatorKey);
        var xml = await client.SendAsync(HttpMethod.Post, "/api/v1/devices/00259E-HG8245-TASK0008/tasks", "<reboot/>", "text/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.Status);

        var unknown = await client.PostAsync("/api/v1/devices/00259E-HG8245-TASK0008/tasks", "{\"reboot\":{}}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("no device '00259E-HG8245-TASK0008' has ever informed this ACS", unknown.Str("detail"));
    }
}
