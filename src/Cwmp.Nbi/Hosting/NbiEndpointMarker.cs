namespace Cwmp.Nbi.Hosting;

/// <summary>Endpoint metadata: the endpoint belongs to the NBI, so its requests are counted, logged and audited.</summary>
internal sealed class NbiEndpointMarker
{
    public static NbiEndpointMarker Instance { get; } = new();
}
