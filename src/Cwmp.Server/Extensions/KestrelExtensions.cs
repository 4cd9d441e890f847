using System.Net;
using System.Security.Cryptography.X509Certificates;
using Cwmp.Server.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cwmp.Server.Extensions;

internal static class KestrelExtensions
{
    /// <summary>
    /// Kestrel listens on the CWMP, NBI and file-server ports; nothing else. The CWMP port speaks HTTPS when a
    /// certificate is configured (<see cref="TlsOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddCwmpPorts(this WebApplicationBuilder builder, PortOptions ports, TlsOptions tls)
    {
        var address = string.IsNullOrWhiteSpace(ports.BindAddress) ? null : IPAddress.Parse(ports.BindAddress);
        X509Certificate2? certificate = tls.Enabled
            ? X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath!, tls.CertificatePassword)
            : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var port in new[] { ports.Cwmp, ports.Nbi, ports.Files })
            {
                Action<ListenOptions> configure = port == ports.Cwmp && certificate is not null
                    ? listen => listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate;
                        https.ClientCertificateMode = tls.ClientCertificates;
                    })
                    : _ => { };
                if (address is null)
                {
                    kestrel.ListenAnyIP(port, configure);
                }
                else
                {
                    kestrel.Listen(address, port, configure);
                }
            }
        });
        return builder;
    }
}
