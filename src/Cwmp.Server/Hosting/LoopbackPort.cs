using System.Net;
using System.Net.Sockets;

namespace Cwmp.Server.Hosting;

internal static class LoopbackPort
{
    /// <summary>
    /// A port that was free on 127.0.0.1 a moment ago. The Orleans providers need the connection string while the
    /// host is being composed, before Garnet binds, so the port is chosen first; the short window in which another
    /// process could take it is accepted for a single-node installation.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
