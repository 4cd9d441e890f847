using System.Net;

namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>Resolves the names a test gives it, and counts the look-ups.</summary>
internal sealed class FakeResolver(Dictionary<string, IPAddress[]> names) : IHostResolver
{
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return names.TryGetValue(host, out IPAddress[]? addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
