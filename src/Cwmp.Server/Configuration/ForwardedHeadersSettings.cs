namespace Cwmp.Server.Configuration;

/// <summary>
/// Configuration section <c>Cwmp:ForwardedHeaders</c>. Behind a load balancer the gateway would otherwise see the
/// proxy's address as every CPE's address, which breaks the session locator (keyed by remote address) and the logs.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Cwmp:ForwardedHeaders";

    /// <summary>Off by default: trusting X-Forwarded-For from anyone would let a CPE claim any address.</summary>
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses whose X-Forwarded-* headers are believed ("10.0.0.5").</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks whose X-Forwarded-* headers are believed, in CIDR notation ("10.0.0.0/8").</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row are unwrapped.</summary>
    public int ForwardLimit { get; set; } = 1;
}
