using System.Globalization;
using System.Text.Json;
using Cwmp.Nbi.Problems;
using Cwmp.Protocol;

namespace Cwmp.Nbi.Tasks;

/// <summary>
/// Reads a task body: exactly one RPC member (<c>{"getParameterValues": {"names": [...]}}</c>) plus the options
/// <c>connectionRequest</c> and <c>timeout</c>, and maps it to the Cwmp.Protocol request records. Limits follow TR-069
/// (names 256 characters, ParameterKey and CommandKey 32, URLs 256).
/// </summary>
internal static class TaskRequestParser
{
    public const string ConnectionRequestField = "connectionRequest";
    public const string TimeoutField = "timeout";
    private const int MaxNames = 1000;
    private const int MaxName = 256;
    private const int MaxKey = 32;
    private const int MaxUrl = 256;
    private const int MaxCredential = 256;

    private static readonly Dictionary<string, Func<JsonObjectReader, (CwmpRequest[] Requests, string Summary)?>> Rpcs = new(StringComparer.Ordinal)
    {
        ["getParameterValues"] = r => Names(r) is { } names ? ([new GetParameterValues([.. names])], Summarize("GetParameterValues", names)) : null,
        ["getParameterAttributes"] = r => Names(r) is { } names ? ([new GetParameterAttributes([.. names])], Summarize("GetParameterAttributes", names)) : null,
        ["setParameterValues"] = SetParameterValues,
        ["getParameterNames"] = GetParameterNames,
        ["setParameterAttributes"] = SetParameterAttributes,
        ["addObject"] = r => Object(r, (name, key) => new AddObject(name, key)),
        ["deleteObject"] = r => Object(r, (name, key) => new DeleteObject(name, key)),
        ["reboot"] = r => r.String("commandKey", false, MaxKey) is var key && !r.Errors.Any ? ([new Reboot(key ?? string.Empty)], "Reboot") : null,
        ["factoryReset"] = _ => ([new FactoryReset()], "FactoryReset"),
        ["download"] = Download,
        ["upload"] = Upload,
        ["scheduleInform"] = ScheduleInform,
        ["refresh"] = Refresh,
    };

    public static IEnumerable<string> MethodNames => Rpcs.Keys;

    public static TaskSubmission? Parse(JsonElement body, long maxTimeoutSeconds, ValidationErrors errors)
    {
        JsonObjectReader? root = JsonObjectReader.Open(body, string.Empty, errors);
        if (root is null)
        {
            return null;
        }

        bool? connectionRequest = root.Bool(ConnectionRequestField);
        long? timeout = root.Integer(TimeoutField, false, 0, maxTimeoutSeconds);
        string[] rpcs = [.. root.Names.Where(Rpcs.ContainsKey)];
        if (rpcs.Length != 1)
        {
            errors.Add("body", $"must hold exactly one RPC member, one of: {string.Join(", ", Rpcs.Keys)}");
            foreach (string rpcName in rpcs)
            {
                root.Has(rpcName);
            }

            root.RejectUnknown();
            return null;
        }

        string rpc = rpcs[0];
        JsonObjectReader? arguments = root.Object(rpc, true);
        root.RejectUnknown();
        if (arguments is null)
        {
            return null;
        }

        (CwmpRequest[] Requests, string Summary)? mapped = Rpcs[rpc](arguments);
        arguments.RejectUnknown();
        return errors.Any || mapped is null ? null : new TaskSubmission(mapped.Value.Requests, mapped.Value.Summary, connectionRequest, timeout);
    }

    private static List<string>? Names(JsonObjectReader r) => r.Strings("names", true, 1, MaxNames, MaxName, ParameterPath);

    private static (CwmpRequest[], string)? SetParameterValues(JsonObjectReader r)
    {
        List<ParameterValueStruct>? values = r.Objects("values", true, 1, MaxNames, v =>
        {
            // Every field is read before any is judged, so that one bad field does not make the others "unknown".
            string? name = v.String("name", true, MaxName);
            string? type = v.String("type", false, 64) ?? "xsd:string";
            string? value = Value(v, "value");
            if (name is not null && FullName(name) is { } reason)
            {
                v.Fail("name", reason);
                return null;
            }

            if (!XsdTypes.IsKnown(type))
            {
                v.Fail("type", $"must be one of {string.Join(", ", XsdTypes.Known)}");
                return null;
            }

            if (value is not null && XsdTypes.Check(type, value) is { } invalid)
            {
                v.Fail("value", invalid);
                return null;
            }

            return name is null || value is null ? null : new ParameterValueStruct(name, value, type);
        });
        string? parameterKey = r.String("parameterKey", false, MaxKey);
        return values is null || r.Errors.Any
            ? null
            : ([new SetParameterValues([.. values], parameterKey ?? string.Empty)], Summarize("SetParameterValues", values.Select(v => v.Name)));
    }

    private static (CwmpRequest[], string)? GetParameterNames(JsonObjectReader r)
    {
        string? path = r.String("path", true, MaxName);
        bool nextLevel = r.Bool("nextLevel") ?? false;
        if (path is null)
        {
            return null;
        }

        if (path.Length > 0 && ParameterPath(path) is { } reason)
        {
            r.Fail("path", reason);
            return null;
        }

        if (nextLevel && path.Length > 0 && !path.EndsWith('.'))
        {
            r.Fail("nextLevel", "must be false for a full parameter name (TR-069 A.3.2.3)");
            return null;
        }

        return r.Errors.Any ? null : ([new GetParameterNames(path, nextLevel)], $"GetParameterNames {path}");
    }

    private static (CwmpRequest[], string)? SetParameterAttributes(JsonObjectReader r)
    {
        List<SetParameterAttributesStruct>? parameters = r.Objects("parameters", true, 1, MaxNames, p =>
        {
            string? name = p.String("name", true, MaxName);
            long? notification = p.Integer("notification", false, ParameterNotification.Off, ParameterNotification.PassiveWithActiveLightweight);
            List<string>? accessList = p.Strings("accessList", false, 0, 64, 64);
            if (name is not null && ParameterPath(name) is { } reason)
            {
                p.Fail("name", reason);
                return null;
            }

            if (!p.Has("notification") && !p.Has("accessList"))
            {
                p.Fail("notification", "notification or accessList (or both) is required");
            }

            return name is null || p.Errors.Any
                ? null
                : new SetParameterAttributesStruct(name, notification is not null, (int)(notification ?? 0), accessList is not null, [.. accessList ?? []]);
        });
        return parameters is null || r.Errors.Any
            ? null
            : ([new SetParameterAttributes([.. parameters])], Summarize("SetParameterAttributes", parameters.Select(p => p.Name)));
    }

    private static (CwmpRequest[], string)? Object(JsonObjectReader r, Func<string, string, CwmpRequest> create)
    {
        string? objectName = r.String("objectName", true, MaxName);
        string? parameterKey = r.String("parameterKey", false, MaxKey);
        if (objectName is not null && (ParameterPath(objectName) is not null || !objectName.EndsWith('.')))
        {
            r.Fail("objectName", "must be an object path ending in '.'");
            return null;
        }

        if (objectName is null || r.Errors.Any)
        {
            return null;
        }

        CwmpRequest request = create(objectName, parameterKey ?? string.Empty);
        return ([request], $"{request.MethodName} {objectName}");
    }

    private static (CwmpRequest[], string)? Download(JsonObjectReader r)
    {
        string? fileType = r.String("fileType", true, 64);
        string? url = Url(r, "url", true);
        string username = r.String("username", false, MaxCredential) ?? string.Empty;
        string password = r.String("password", false, MaxCredential) ?? string.Empty;
        long? fileSize = r.Integer("fileSize", false, 0, uint.MaxValue);
        string targetFileName = r.String("targetFileName", false, MaxUrl) ?? string.Empty;
        long? delay = r.Integer("delaySeconds", false, 0, uint.MaxValue);
        string successUrl = Url(r, "successUrl", false) ?? string.Empty;
        string failureUrl = Url(r, "failureUrl", false) ?? string.Empty;
        string commandKey = r.String("commandKey", false, MaxKey) ?? string.Empty;
        if (fileType is not null && fileType.Length == 0)
        {
            r.Fail("fileType", "must not be empty (e.g. \"1 Firmware Upgrade Image\")");
        }

        return fileType is null || url is null || r.Errors.Any
            ? null
            : ([new Download(commandKey, fileType, url, username, password, (uint)(fileSize ?? 0), targetFileName, (uint)(delay ?? 0), successUrl, failureUrl)],
                $"Download {fileType} {Redacted(url)}");
    }

    private static (CwmpRequest[], string)? Upload(JsonObjectReader r)
    {
        string? fileType = r.String("fileType", true, 64);
        string? url = Url(r, "url", true);
        string username = r.String("username", false, MaxCredential) ?? string.Empty;
        string password = r.String("password", false, MaxCredential) ?? string.Empty;
        long? delay = r.Integer("delaySeconds", false, 0, uint.MaxValue);
        string commandKey = r.String("commandKey", false, MaxKey) ?? string.Empty;
        if (fileType is not null && fileType.Length == 0)
        {
            r.Fail("fileType", "must not be empty (e.g. \"1 Vendor Configuration File\")");
        }

        return fileType is null || url is null || r.Errors.Any
            ? null
            : ([new Upload(commandKey, fileType, url, username, password, (uint)(delay ?? 0))], $"Upload {fileType} {Redacted(url)}");
    }

    private static (CwmpRequest[], string)? ScheduleInform(JsonObjectReader r)
    {
        // TR-069 A.4.1.2: DelaySeconds is unsignedInt[1:].
        long? delay = r.Integer("delaySeconds", true, 1, uint.MaxValue);
        string commandKey = r.String("commandKey", false, MaxKey) ?? string.Empty;
        return delay is null || r.Errors.Any
            ? null
            : ([new ScheduleInform((uint)delay.Value, commandKey)], string.Create(CultureInfo.InvariantCulture, $"ScheduleInform {delay}s"));
    }

    /// <summary>
    /// refresh = GetParameterNames(path, NextLevel false) then GetParameterValues([path]) in the same session: the
    /// cached tree learns the subtree's names and writability, then its values.
    /// </summary>
    private static (CwmpRequest[], string)? Refresh(JsonObjectReader r)
    {
        string? path = r.String("path", true, MaxName);
        if (path is not null && ParameterPath(path) is { } reason)
        {
            r.Fail("path", reason);
            return null;
        }

        return path is null || r.Errors.Any ? null : ([new GetParameterNames(path, false), new GetParameterValues([path])], $"refresh {path}");
    }

    /// <summary>A value may be a JSON string, number or boolean; it goes to the CPE as text.</summary>
    private static string? Value(JsonObjectReader v, string name) => v.Scalar(name, true, 16_384);

    private static string? Url(JsonObjectReader r, string name, bool required)
    {
        string? url = r.String(name, required, MaxUrl);
        if (url is null || (!required && url.Length == 0))
        {
            return url;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https" or "ftp"))
        {
            r.Fail(name, "must be an absolute http, https or ftp URL");
            return null;
        }

        return url;
    }

    /// <summary>Null when <paramref name="name"/> is a parameter or object path, else why not.</summary>
    private static string? ParameterPath(string name) =>
        name.Length == 0 ? "must not be empty"
        : name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "must not contain white space"
        : name.StartsWith('.') || name.Contains("..", StringComparison.Ordinal) ? "is not a parameter path"
        : null;

    private static string? FullName(string name) =>
        ParameterPath(name) ?? (name.EndsWith('.') ? "must be a parameter name, not an object path ending in '.'" : null);

    private static string Summarize(string method, IEnumerable<string> names)
    {
        string joined = string.Join(",", names);
        return $"{method} {(joined.Length > 200 ? joined[..200] + "…" : joined)}";
    }

    /// <summary>The URL without user information, for the audit log.</summary>
    private static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal) : url;
}
