namespace Cwmp.Server.Diagnostics;

[GenerateSerializer, Immutable, Alias("Cwmp.Server.Diagnostics.StorageProbeResult")]
internal sealed record StorageProbeResult(
    [property: Id(0)] long Writes,
    [property: Id(1)] DateTimeOffset? LastWrite);
