using System.Net;

namespace Cwmp.ConnectionRequests;

/// <summary>Turns a host name into addresses; a seam so that tests can resolve names to addresses of their choosing.</summary>
internal interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
