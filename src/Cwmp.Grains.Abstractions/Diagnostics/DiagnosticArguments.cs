namespace Cwmp.Grains;

/// <summary>
/// The input parameters of one diagnostic; null leaves the CPE's current value. Time values are milliseconds, as the
/// data models define them. <see cref="Interface"/> is a path of the device's own tree ("" for the routing decision).
/// ProtocolVersion ("Any", "IPv4", "IPv6") and the TR-143 multi-connection settings exist on Device:2 only; the grain
/// refuses them for an InternetGatewayDevice.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.DiagnosticArguments")]
public abstract record DiagnosticArguments
{
    public abstract DiagnosticKind Kind { get; }

    [Id(0)] public string? Interface { get; init; }

    [Id(1)] public string? ProtocolVersion { get; init; }

    [Id(2)] public uint? Dscp { get; init; }
}

/// <summary>IPPing: <c>Host</c>, <c>NumberOfRepetitions</c>, <c>Timeout</c>, <c>DataBlockSize</c>, <c>DSCP</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.IPPingArguments")]
public sealed record IPPingArguments([property: Id(0)] string Host) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.IPPing;

    [Id(1)] public uint? NumberOfRepetitions { get; init; }

    [Id(2)] public uint? TimeoutMilliseconds { get; init; }

    [Id(3)] public uint? DataBlockSize { get; init; }
}

/// <summary>TraceRoute: <c>Host</c>, <c>NumberOfTries</c>, <c>Timeout</c>, <c>DataBlockSize</c>, <c>DSCP</c>, <c>MaxHopCount</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.TraceRouteArguments")]
public sealed record TraceRouteArguments([property: Id(0)] string Host) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.TraceRoute;

    [Id(1)] public uint? NumberOfTries { get; init; }

    [Id(2)] public uint? TimeoutMilliseconds { get; init; }

    [Id(3)] public uint? DataBlockSize { get; init; }

    [Id(4)] public uint? MaxHopCount { get; init; }
}

/// <summary>TR-143 DownloadDiagnostics: <c>DownloadURL</c>, <c>DSCP</c>, <c>EthernetPriority</c>, and on Device:2 <c>NumberOfConnections</c>, <c>TimeBasedTestDuration</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DownloadDiagnosticArguments")]
public sealed record DownloadDiagnosticArguments([property: Id(0)] string DownloadUrl) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.DownloadDiagnostics;

    [Id(1)] public uint? EthernetPriority { get; init; }

    [Id(2)] public uint? NumberOfConnections { get; init; }

    /// <summary>Seconds; 0 is a file-size based test.</summary>
    [Id(3)] public uint? TimeBasedTestDuration { get; init; }
}

/// <summary>TR-143 UploadDiagnostics: <c>UploadURL</c>, <c>TestFileLength</c>, <c>DSCP</c>, <c>EthernetPriority</c>, and on Device:2 <c>NumberOfConnections</c>, <c>TimeBasedTestDuration</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.UploadDiagnosticArguments")]
public sealed record UploadDiagnosticArguments([property: Id(0)] string UploadUrl, [property: Id(1)] uint TestFileLength) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.UploadDiagnostics;

    [Id(2)] public uint? EthernetPriority { get; init; }

    [Id(3)] public uint? NumberOfConnections { get; init; }

    /// <summary>Seconds; 0 is a file-size based test.</summary>
    [Id(4)] public uint? TimeBasedTestDuration { get; init; }
}

/// <summary>TR-143 UDPEchoDiagnostics: <c>Host</c>, <c>Port</c>, <c>NumberOfRepetitions</c>, <c>Timeout</c>, <c>DataBlockSize</c>, <c>DSCP</c>, <c>InterTransmissionTime</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.UdpEchoArguments")]
public sealed record UdpEchoArguments([property: Id(0)] string Host, [property: Id(1)] uint Port) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.UDPEcho;

    [Id(2)] public uint? NumberOfRepetitions { get; init; }

    [Id(3)] public uint? TimeoutMilliseconds { get; init; }

    [Id(4)] public uint? DataBlockSize { get; init; }

    [Id(5)] public uint? InterTransmissionTimeMilliseconds { get; init; }
}

/// <summary>TR-143 ServerSelectionDiagnostics: <c>HostList</c> (1–10 hosts), <c>Protocol</c> ("ICMP" or "UDP Echo"), <c>NumberOfRepetitions</c>, <c>Timeout</c>.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.ServerSelectionArguments")]
public sealed record ServerSelectionArguments([property: Id(0)] IReadOnlyList<string> HostList) : DiagnosticArguments
{
    public override DiagnosticKind Kind => DiagnosticKind.ServerSelection;

    [Id(1)] public string? Protocol { get; init; }

    [Id(2)] public uint? NumberOfRepetitions { get; init; }

    [Id(3)] public uint? TimeoutMilliseconds { get; init; }
}
