using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Cwmp.Server.Configuration;

/// <summary>
/// Configuration section <c>Cwmp:Tls</c>: HTTPS on the CWMP port. With a certificate the CWMP port speaks only HTTPS
/// (CPEs then may use Basic authentication, TR-069 §3.4.5); without one it speaks plain HTTP, as a lab does.
/// </summary>
internal sealed class TlsOptions
{
    public const string SectionName = "Cwmp:Tls";

    /// <summary>A PFX/PKCS#12 file with the server certificate and its key; empty means no TLS.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Whether CPEs present client certificates: NoCertificate, AllowCertificate or RequireCertificate.</summary>
    public ClientCertificateMode ClientCertificates { get; set; } = ClientCertificateMode.NoCertificate;

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
