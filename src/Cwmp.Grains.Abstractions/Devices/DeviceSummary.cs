using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>The device's own data as the grain knows it.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceSummary")]
public sealed record DeviceSummary
{
    [Id(0)] public required string DeviceKey { get; init; }

    [Id(1)] public required string Manufacturer { get; init; }

    [Id(2)] public required string Oui { get; init; }

    [Id(3)] public required string ProductClass { get; init; }

    [Id(4)] public required string SerialNumber { get; init; }

    /// <summary>"Device." or "InternetGatewayDevice.".</summary>
    [Id(5)] public required string DataModelRoot { get; init; }

    /// <summary>The negotiated CWMP version, e.g. "1.4".</summary>
    [Id(6)] public required string CwmpVersion { get; init; }

    [Id(7)] public string? SoftwareVersion { get; init; }

    [Id(8)] public string? HardwareVersion { get; init; }

    [Id(9)] public string? ProvisioningCode { get; init; }

    [Id(10)] public DateTimeOffset? LastInformAt { get; init; }

    [Id(11)] public DateTimeOffset? FirstSeenAt { get; init; }

    [Id(12)] public string? LastRemoteAddress { get; init; }

    [Id(13)] public string? ConnectionRequestUrl { get; init; }

    [Id(14)] public IReadOnlyList<string> Tags { get; init; } = [];

    [Id(15)] public DeviceQuirks Quirks { get; init; } = DeviceQuirks.Default;

    /// <summary>Events of the last Inform, e.g. "2 PERIODIC".</summary>
    [Id(16)] public IReadOnlyList<string> LastEvents { get; init; } = [];

    /// <summary>True while a CWMP session is open.</summary>
    [Id(17)] public bool InSession { get; init; }

    /// <summary>Tasks not finished yet.</summary>
    [Id(18)] public int PendingTasks { get; init; }

    /// <summary>The subscriber the OSS associated with this device, if any.</summary>
    [Id(19)] public string? SubscriberId { get; init; }

    public static string RootOf(Inform inform) =>
        inform.ParameterList.AsSpan().ToArray().Any(p => p.Name.StartsWith("InternetGatewayDevice.", StringComparison.Ordinal))
            ? "InternetGatewayDevice."
            : "Device.";
}
