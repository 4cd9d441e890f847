using System.Net;
using Cwmp.Server.Configuration;

namespace Cwmp.Server.Extensions;

internal static class KestrelExtensions
{
    /// <summary>Kestrel listens on the CWMP, NBI and file-server ports; nothing else.</summary>
    public static WebApplicationBuilder AddCwmpPorts(this WebApplicationBuilder builder, PortOptions ports)
    {
        var address = string.IsNullOrWhiteSpace(ports.BindAddress) ? null : IPAddress.Parse(ports.BindAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var port in new[] { ports.Cwmp, ports.Nbi, ports.Files })
            {
                if (address is null)
                {
                    kestrel.ListenAnyIP(port);
                }
                else
                {
                    kestrel.Listen(address, port);
                }
            }
        });
        return builder;
    }
}
