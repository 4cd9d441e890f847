namespace Cwmp.Server.Diagnostics;

[GenerateSerializer, Alias("Cwmp.Server.Diagnostics.StorageProbeState")]
internal sealed class StorageProbeState
{
    [Id(0)]
    public long Writes { get; set; }

    [Id(1)]
    public DateTimeOffset? LastWrite { get; set; }
}
