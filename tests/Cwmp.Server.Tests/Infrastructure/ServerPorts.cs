using System.Globalization;
using Cwmp.Server.Hosting;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>Free loopback ports for one server instance: three HTTP ports and the two Orleans ports.</summary>
internal sealed record ServerPorts(int Cwmp, int Nbi, int Files, int Silo, int Gateway)
{
    public static ServerPorts Allocate()
    {
        // Held open together so that the five are distinct from one another.
        var listeners = Enumerable.Range(0, 5).Select(_ => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((System.Net.IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return new ServerPorts(ports[0], ports[1], ports[2], ports[3], ports[4]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    public static int One() => LoopbackPort.FindFree();

    public IEnumerable<string> Arguments()
    {
        yield return "--Cwmp:Ports:BindAddress=127.0.0.1";
        yield return "--Cwmp:Ports:Cwmp=" + Cwmp.ToString(CultureInfo.InvariantCulture);
        yield return "--Cwmp:Ports:Nbi=" + Nbi.ToString(CultureInfo.InvariantCulture);
        yield return "--Cwmp:Ports:Files=" + Files.ToString(CultureInfo.InvariantCulture);
        yield return "--Cwmp:Orleans:SiloPort=" + Silo.ToString(CultureInfo.InvariantCulture);
        yield return "--Cwmp:Orleans:GatewayPort=" + Gateway.ToString(CultureInfo.InvariantCulture);
        yield return "--Cwmp:Orleans:AdvertisedIPAddress=127.0.0.1";
    }
}
