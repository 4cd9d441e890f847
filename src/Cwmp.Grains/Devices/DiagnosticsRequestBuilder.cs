using System.Globalization;
using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Turns typed diagnostic arguments into the one SetParameterValues that starts the test on the device's own root,
/// with the parameter names of TR-181 (Device.IP.Diagnostics.*) or TR-098 / TR-143 (InternetGatewayDevice.*), inputs
/// first and DiagnosticsState=Requested last (CPEs that apply an SPV in order start the test with every input set).
/// </summary>
internal static class DiagnosticsRequestBuilder
{
    public const string IgdRoot = "InternetGatewayDevice.";
    private const int MaxHostLength = 256;

    public static (string ObjectPath, List<ParameterValueStruct> Values) Build(DiagnosticArguments arguments, string root)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        bool igd = string.Equals(root, IgdRoot, StringComparison.Ordinal);
        string objectPath = ObjectPath(arguments.Kind, igd);
        var values = new List<ParameterValueStruct>();

        void Set(string name, string value, string type = "xsd:string") => values.Add(new ParameterValueStruct(objectPath + name, value, type));
        void SetUInt(string name, uint? value, uint min = 0, uint max = uint.MaxValue)
        {
            if (value is { } v)
            {
                if (v < min || v > max)
                {
                    throw new ArgumentException($"{name} must be between {min} and {max}; it is {v}.", nameof(arguments));
                }

                Set(name, v.ToString(CultureInfo.InvariantCulture), "xsd:unsignedInt");
            }
        }

        void Device2Only(string name, object? value)
        {
            if (igd && value is not null)
            {
                throw new ArgumentException($"{name} is a Device:2 parameter; an InternetGatewayDevice has no {objectPath}{name}.", nameof(arguments));
            }
        }

        if (arguments.Interface is { } @interface)
        {
            Set("Interface", Checked(@interface, "Interface", allowEmpty: true));
        }

        Device2Only("ProtocolVersion", arguments.ProtocolVersion);
        if (arguments.ProtocolVersion is { } protocolVersion)
        {
            Set("ProtocolVersion", protocolVersion is "Any" or "IPv4" or "IPv6"
                ? protocolVersion
                : throw new ArgumentException($"ProtocolVersion must be Any, IPv4 or IPv6; it is '{protocolVersion}'.", nameof(arguments)));
        }

        switch (arguments)
        {
            case IPPingArguments ping:
                Set("Host", Checked(ping.Host, "Host"));
                SetUInt("NumberOfRepetitions", ping.NumberOfRepetitions, 1);
                SetUInt("Timeout", ping.TimeoutMilliseconds, 1);
                SetUInt("DataBlockSize", ping.DataBlockSize, 1, 65535);
                break;
            case TraceRouteArguments trace:
                Set("Host", Checked(trace.Host, "Host"));
                SetUInt("NumberOfTries", trace.NumberOfTries, 1, 3);
                SetUInt("Timeout", trace.TimeoutMilliseconds, 1);
                SetUInt("DataBlockSize", trace.DataBlockSize, 1, 65535);
                SetUInt("MaxHopCount", trace.MaxHopCount, 1, 64);
                break;
            case DownloadDiagnosticArguments download:
                Set("DownloadURL", CheckedUrl(download.DownloadUrl, "DownloadURL"));
                SetUInt("EthernetPriority", download.EthernetPriority, 0, 7);
                Device2Only("NumberOfConnections", download.NumberOfConnections);
                SetUInt("NumberOfConnections", download.NumberOfConnections, 1);
                Device2Only("TimeBasedTestDuration", download.TimeBasedTestDuration);
                SetUInt("TimeBasedTestDuration", download.TimeBasedTestDuration, 0, 999);
                break;
            case UploadDiagnosticArguments upload:
                Set("UploadURL", CheckedUrl(upload.UploadUrl, "UploadURL"));
                SetUInt("TestFileLength", upload.TestFileLength, 1);
                SetUInt("EthernetPriority", upload.EthernetPriority, 0, 7);
                Device2Only("NumberOfConnections", upload.NumberOfConnections);
                SetUInt("NumberOfConnections", upload.NumberOfConnections, 1);
                Device2Only("TimeBasedTestDuration", upload.TimeBasedTestDuration);
                SetUInt("TimeBasedTestDuration", upload.TimeBasedTestDuration, 0, 999);
                break;
            case UdpEchoArguments echo:
                Set("Host", Checked(echo.Host, "Host"));
                SetUInt("Port", echo.Port, 1, 65535);
                SetUInt("NumberOfRepetitions", echo.NumberOfRepetitions, 1);
                SetUInt("Timeout", echo.TimeoutMilliseconds, 1);
                SetUInt("DataBlockSize", echo.DataBlockSize, 1, 65535);
                SetUInt("InterTransmissionTime", echo.InterTransmissionTimeMilliseconds, 1, 65535);
                break;
            case ServerSelectionArguments selection:
                if (selection.HostList is not { Count: > 0 and <= 10 } hosts)
                {
                    throw new ArgumentException("HostList needs 1 to 10 hosts.", nameof(arguments));
                }

                Set("HostList", string.Join(',', hosts.Select(h => Checked(h, "HostList entry").Contains(',', StringComparison.Ordinal)
                    ? throw new ArgumentException($"The host '{h}' has a comma, the HostList separator.", nameof(arguments))
                    : h)));
                if (selection.Protocol is { } protocol)
                {
                    Set("Protocol", protocol is "ICMP" or "UDP Echo"
                        ? protocol
                        : throw new ArgumentException($"Protocol must be 'ICMP' or 'UDP Echo'; it is '{protocol}'.", nameof(arguments)));
                }

                SetUInt("NumberOfRepetitions", selection.NumberOfRepetitions, 1);
                SetUInt("Timeout", selection.TimeoutMilliseconds, 1);
                break;
            default:
                throw new ArgumentException($"{arguments.GetType().Name} is not a diagnostic this ACS knows.", nameof(arguments));
        }

        SetUInt("DSCP", arguments.Dscp, 0, 63);
        Set("DiagnosticsState", "Requested");
        return (objectPath, values);
    }

    /// <summary>The diagnostics object of a kind on either root.</summary>
    public static string ObjectPath(DiagnosticKind kind, bool igd) => (kind, igd) switch
    {
        (DiagnosticKind.IPPing, false) => "Device.IP.Diagnostics.IPPing.",
        (DiagnosticKind.TraceRoute, false) => "Device.IP.Diagnostics.TraceRoute.",
        (DiagnosticKind.DownloadDiagnostics, false) => "Device.IP.Diagnostics.DownloadDiagnostics.",
        (DiagnosticKind.UploadDiagnostics, false) => "Device.IP.Diagnostics.UploadDiagnostics.",
        (DiagnosticKind.UDPEcho, false) => "Device.IP.Diagnostics.UDPEchoDiagnostics.",
        (DiagnosticKind.ServerSelection, false) => "Device.IP.Diagnostics.ServerSelectionDiagnostics.",
        (DiagnosticKind.IPPing, true) => "InternetGatewayDevice.IPPingDiagnostics.",
        (DiagnosticKind.TraceRoute, true) => "InternetGatewayDevice.TraceRouteDiagnostics.",
        (DiagnosticKind.DownloadDiagnostics, true) => "InternetGatewayDevice.DownloadDiagnostics.",
        (DiagnosticKind.UploadDiagnostics, true) => "InternetGatewayDevice.UploadDiagnostics.",

        // TR-143's components on the TR-098 root (TR-098 itself has only UDPEchoConfig, the echo server).
        (DiagnosticKind.UDPEcho, true) => "InternetGatewayDevice.UDPEchoDiagnostics.",
        (DiagnosticKind.ServerSelection, true) => "InternetGatewayDevice.ServerSelectionDiagnostics.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a diagnostic kind."),
    };

    private static string Checked(string? value, string name, bool allowEmpty = false)
    {
        if (value is null || (!allowEmpty && value.Length == 0) || value.Length > MaxHostLength || value.Any(char.IsControl))
        {
            throw new ArgumentException($"{name} must be 1–{MaxHostLength} characters without control characters.", nameof(value));
        }

        return value;
    }

    private static string CheckedUrl(string? value, string name)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https" or "ftp") || value!.Length > MaxHostLength)
        {
            throw new ArgumentException($"{name} must be an absolute http, https or ftp URL of at most {MaxHostLength} characters; it is '{value}'.", nameof(value));
        }

        return value;
    }
}
