namespace Cwmp.Server.Extensions;

/// <summary>
/// Endpoint metadata: the endpoint answers only connections accepted on this local port. The connection decides,
/// not the Host header, which a Service or proxy in front may rewrite.
/// </summary>
internal sealed record LocalPortRequirement(int Port);
