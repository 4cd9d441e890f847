using System.Text.Json.Nodes;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tasks;

/// <summary>CWMP requests and responses as JSON, in the field names of the task body.</summary>
internal static class RpcJson
{
    private const string Masked = "********";

    /// <summary>The request in task-body shape; RPCs that the body cannot express show their method and no arguments.</summary>
    public static JsonObject Request(CwmpRequest request)
    {
        (string name, JsonObject arguments) = request switch
        {
            GetParameterValues gpv => ("getParameterValues", new JsonObject { ["names"] = Strings(gpv.ParameterNames) }),
            GetParameterAttributes gpa => ("getParameterAttributes", new JsonObject { ["names"] = Strings(gpa.ParameterNames) }),
            SetParameterValues spv => ("setParameterValues", new JsonObject
            {
                ["values"] = new JsonArray([.. spv.ParameterList.AsSpan().ToArray().Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["value"] = p.Value,
                    ["type"] = p.Type,
                })]),
                ["parameterKey"] = spv.ParameterKey,
            }),
            GetParameterNames gpn => ("getParameterNames", new JsonObject { ["path"] = gpn.ParameterPath, ["nextLevel"] = gpn.NextLevel }),
            SetParameterAttributes spa => ("setParameterAttributes", new JsonObject
            {
                ["parameters"] = new JsonArray([.. spa.ParameterList.AsSpan().ToArray().Select(p =>
                {
                    var item = new JsonObject { ["name"] = p.Name };
                    if (p.NotificationChange)
                    {
                        item["notification"] = p.Notification;
                    }

                    if (p.AccessListChange)
                    {
                        item["accessList"] = Strings(p.AccessList);
                    }

                    return (JsonNode)item;
                })]),
            }),
            AddObject add => ("addObject", new JsonObject { ["objectName"] = add.ObjectName, ["parameterKey"] = add.ParameterKey }),
            DeleteObject delete => ("deleteObject", new JsonObject { ["objectName"] = delete.ObjectName, ["parameterKey"] = delete.ParameterKey }),
            Reboot reboot => ("reboot", new JsonObject { ["commandKey"] = reboot.CommandKey }),
            FactoryReset => ("factoryReset", new JsonObject()),
            Download d => ("download", new JsonObject
            {
                ["fileType"] = d.FileType,
                ["url"] = d.Url,
                ["username"] = d.Username,
                ["password"] = d.Password.Length == 0 ? string.Empty : Masked,
                ["fileSize"] = d.FileSize,
                ["targetFileName"] = d.TargetFileName,
                ["delaySeconds"] = d.DelaySeconds,
                ["successUrl"] = d.SuccessUrl,
                ["failureUrl"] = d.FailureUrl,
                ["commandKey"] = d.CommandKey,
            }),
            Upload u => ("upload", new JsonObject
            {
                ["fileType"] = u.FileType,
                ["url"] = u.Url,
                ["username"] = u.Username,
                ["password"] = u.Password.Length == 0 ? string.Empty : Masked,
                ["delaySeconds"] = u.DelaySeconds,
                ["commandKey"] = u.CommandKey,
            }),
            ScheduleInform si => ("scheduleInform", new JsonObject { ["delaySeconds"] = si.DelaySeconds, ["commandKey"] = si.CommandKey }),
            _ => (CamelCase(request.MethodName), new JsonObject()),
        };
        return new JsonObject { [name] = arguments };
    }

    /// <summary>The response's content; responses without content are <c>{}</c>.</summary>
    public static JsonObject Response(CwmpResponse response) => response switch
    {
        GetParameterValuesResponse gpv => new JsonObject
        {
            ["parameters"] = new JsonArray([.. gpv.ParameterList.AsSpan().ToArray().Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["value"] = p.Value,
                ["type"] = p.Type,
            })]),
        },
        GetParameterNamesResponse gpn => new JsonObject
        {
            ["parameters"] = new JsonArray([.. gpn.ParameterList.AsSpan().ToArray().Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["writable"] = p.Writable,
            })]),
        },
        GetParameterAttributesResponse gpa => new JsonObject
        {
            ["parameters"] = new JsonArray([.. gpa.ParameterList.AsSpan().ToArray().Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["notification"] = p.Notification,
                ["accessList"] = Strings(p.AccessList),
            })]),
        },
        SetParameterValuesResponse spv => new JsonObject { ["status"] = spv.Status },
        AddObjectResponse add => new JsonObject { ["instanceNumber"] = add.InstanceNumber, ["status"] = add.Status },
        DeleteObjectResponse delete => new JsonObject { ["status"] = delete.Status },
        DownloadResponse d => Transfer(d.Status, d.StartTime, d.CompleteTime),
        UploadResponse u => Transfer(u.Status, u.StartTime, u.CompleteTime),
        GetRPCMethodsResponse methods => new JsonObject { ["methods"] = Strings(methods.MethodList) },
        _ => new JsonObject(),
    };

    private static JsonObject Transfer(int status, CwmpDateTime start, CwmpDateTime complete) => new()
    {
        ["status"] = status,
        ["startTime"] = Time(start),
        ["completeTime"] = Time(complete),
    };

    /// <summary>ISO 8601 UTC; null for the "unknown time" 0001-01-01; the CPE's text when it did not parse.</summary>
    private static string? Time(CwmpDateTime time) =>
        time.IsUnknown ? null : time.Value?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? time.Raw;

    private static JsonArray Strings(EquatableArray<string> items) => new([.. items.AsSpan().ToArray().Select(s => (JsonNode)JsonValue.Create(s))]);

    private static string CamelCase(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
}
