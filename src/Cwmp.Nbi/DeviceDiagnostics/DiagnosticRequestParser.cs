using System.Text.Json;
using Cwmp.Grains;
using Cwmp.Nbi.Problems;

namespace Cwmp.Nbi.DeviceDiagnostics;

/// <summary>
/// Reads a diagnostic body: <c>{"kind": "IPPing", "host": "192.0.2.1", ...}</c> with the inputs of that kind (names as
/// in the grain contract, camelCase), the common <c>interface</c>, <c>protocolVersion</c>, <c>dscp</c>, and the options
/// <c>connectionRequest</c> and <c>timeout</c> (seconds to wait, as for tasks). Ranges the data model defines are the
/// grain's to check: it refuses with a message naming the parameter.
/// </summary>
internal static class DiagnosticRequestParser
{
    public const string ConnectionRequestField = "connectionRequest";
    public const string TimeoutField = "timeout";
    private const int MaxHost = 256;
    private const int MaxUrl = 256;
    private const long MaxUnsigned = uint.MaxValue;

    private static readonly Dictionary<string, Func<JsonObjectReader, DiagnosticArguments?>> Kinds = new(StringComparer.Ordinal)
    {
        [nameof(DiagnosticKind.IPPing)] = r => r.String("host", true, MaxHost) is { } host
            ? new IPPingArguments(host)
            {
                NumberOfRepetitions = Unsigned(r, "numberOfRepetitions"),
                TimeoutMilliseconds = Unsigned(r, "timeoutMilliseconds"),
                DataBlockSize = Unsigned(r, "dataBlockSize"),
            }
            : null,
        [nameof(DiagnosticKind.TraceRoute)] = r => r.String("host", true, MaxHost) is { } host
            ? new TraceRouteArguments(host)
            {
                NumberOfTries = Unsigned(r, "numberOfTries"),
                TimeoutMilliseconds = Unsigned(r, "timeoutMilliseconds"),
                DataBlockSize = Unsigned(r, "dataBlockSize"),
                MaxHopCount = Unsigned(r, "maxHopCount"),
            }
            : null,
        [nameof(DiagnosticKind.DownloadDiagnostics)] = r => r.String("downloadUrl", true, MaxUrl) is { } url
            ? new DownloadDiagnosticArguments(url)
            {
                EthernetPriority = Unsigned(r, "ethernetPriority"),
                NumberOfConnections = Unsigned(r, "numberOfConnections"),
                TimeBasedTestDuration = Unsigned(r, "timeBasedTestDuration"),
            }
            : null,
        [nameof(DiagnosticKind.UploadDiagnostics)] = r => (r.String("uploadUrl", true, MaxUrl), Unsigned(r, "testFileLength", required: true)) is ({ } url, { } length)
            ? new UploadDiagnosticArguments(url, length)
            {
                EthernetPriority = Unsigned(r, "ethernetPriority"),
                NumberOfConnections = Unsigned(r, "numberOfConnections"),
                TimeBasedTestDuration = Unsigned(r, "timeBasedTestDuration"),
            }
            : null,
        [nameof(DiagnosticKind.UDPEcho)] = r => (r.String("host", true, MaxHost), Unsigned(r, "port", required: true)) is ({ } host, { } port)
            ? new UdpEchoArguments(host, port)
            {
                NumberOfRepetitions = Unsigned(r, "numberOfRepetitions"),
                TimeoutMilliseconds = Unsigned(r, "timeoutMilliseconds"),
                DataBlockSize = Unsigned(r, "dataBlockSize"),
                InterTransmissionTimeMilliseconds = Unsigned(r, "interTransmissionTimeMilliseconds"),
            }
            : null,
        [nameof(DiagnosticKind.ServerSelection)] = r => r.Strings("hostList", true, 1, 10, MaxHost) is { } hosts
            ? new ServerSelectionArguments(hosts)
            {
                Protocol = r.String("protocol", false, 16),
                NumberOfRepetitions = Unsigned(r, "numberOfRepetitions"),
                TimeoutMilliseconds = Unsigned(r, "timeoutMilliseconds"),
            }
            : null,
    };

    public static IEnumerable<string> KindNames => Kinds.Keys;

    /// <summary>The arguments and the body's options, or null with the errors recorded.</summary>
    public static (DiagnosticArguments Arguments, bool? ConnectionRequest, long? Timeout)? Parse(JsonElement body, long maxTimeoutSeconds, ValidationErrors errors)
    {
        JsonObjectReader? root = JsonObjectReader.Open(body, string.Empty, errors);
        if (root is null)
        {
            return null;
        }

        bool? connectionRequest = root.Bool(ConnectionRequestField);
        long? timeout = root.Integer(TimeoutField, false, 0, maxTimeoutSeconds);
        string? kind = root.String("kind", true, 32);
        DiagnosticArguments? arguments = null;
        if (kind is not null && !Kinds.ContainsKey(kind))
        {
            root.Fail("kind", $"'{kind}' is not a diagnostic; one of: {string.Join(", ", Kinds.Keys)}");
        }
        else if (kind is not null)
        {
            arguments = Kinds[kind](root);
            string? networkInterface = root.String("interface", false, MaxHost);
            string? protocolVersion = root.String("protocolVersion", false, 8);
            uint? dscp = Unsigned(root, "dscp");
            arguments = arguments is null ? null : arguments with { Interface = networkInterface, ProtocolVersion = protocolVersion, Dscp = dscp };
        }

        // Only the fields of the kind given are known: an input of another kind is an error, not ignored.
        root.RejectUnknown();
        return errors.Any || arguments is null ? null : (arguments, connectionRequest, timeout);
    }

    /// <summary>A summary for the audit: the kind and its target.</summary>
    public static string Summarize(DiagnosticArguments arguments) => arguments switch
    {
        IPPingArguments a => $"IPPing {a.Host}",
        TraceRouteArguments a => $"TraceRoute {a.Host}",
        DownloadDiagnosticArguments a => $"DownloadDiagnostics {a.DownloadUrl}",
        UploadDiagnosticArguments a => $"UploadDiagnostics {a.UploadUrl}",
        UdpEchoArguments a => $"UDPEcho {a.Host}:{a.Port}",
        ServerSelectionArguments a => $"ServerSelection {string.Join(',', a.HostList)}",
        _ => arguments.Kind.ToString(),
    };

    private static uint? Unsigned(JsonObjectReader r, string name, bool required = false) =>
        r.Integer(name, required, 0, MaxUnsigned) is { } value ? (uint)value : null;
}
