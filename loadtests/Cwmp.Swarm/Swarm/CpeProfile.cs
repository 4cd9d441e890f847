using Cwmp.Protocol;

namespace Cwmp.Swarm.Swarm;

/// <summary>
/// How a device speaks: its CWMP version and namespace and the vendor quirks of checklist §6 it has. Profiles are
/// shared objects; a device holds a reference to one.
/// </summary>
internal sealed class CpeProfile
{
    public required string Name { get; init; }

    public CwmpVersion Version { get; init; } = CwmpVersion.Version12;

    /// <summary>The cwmp namespace the device writes (cwmp-1-4 is not a BBF namespace, but real CPEs send it).</summary>
    public string Namespace { get; init; } = CwmpNamespaces.Cwmp12;

    /// <summary>The SupportedCWMPVersions header of its Informs (CWMP 1.4), or null.</summary>
    public string? SupportedVersions { get; init; }

    public bool NoSoapHeader { get; init; }

    public bool NoCookies { get; init; }

    public bool Chunked { get; init; }

    public bool OmitContentType { get; init; }

    public bool BooleansAsDigits { get; init; }

    public bool XmlDeclaration { get; init; }

    /// <summary>Prefixes written instead of soap-env and cwmp, or null for the standard ones.</summary>
    public (string Envelope, string Cwmp)? Prefixes { get; init; }

    /// <summary>The empty POST carries a line break instead of nothing (checklist §6.5).</summary>
    public bool WhitespaceEmptyPost { get; init; }

    public CwmpWriterOptions WriterOptions => field ??= new CwmpWriterOptions { BooleansAsDigits = BooleansAsDigits, XmlDeclaration = XmlDeclaration };

    public static CpeProfile Standard { get; } = new() { Name = "standard" };

    /// <summary>One profile per quirk of checklist §6, and two vendor-like combinations.</summary>
    public static IReadOnlyList<CpeProfile> Quirks { get; } =
    [
        new() { Name = "cwmp-1-0", Version = CwmpVersion.Version10, Namespace = CwmpNamespaces.Cwmp10 },
        new() { Name = "cwmp-1-4-namespace", Version = CwmpVersion.Version14, Namespace = CwmpNamespaces.Cwmp14, SupportedVersions = "1.0,1.1,1.2,1.3,1.4" },
        new() { Name = "cwmp-1-4-negotiation", Version = CwmpVersion.Version14, SupportedVersions = "1.0,1.1,1.2,1.3,1.4" },
        new() { Name = "prefix-SOAP-ENV", Prefixes = ("SOAP-ENV", "cwmp") },
        new() { Name = "prefix-soapenv-ns1", Prefixes = ("soapenv", "ns1") },
        new() { Name = "no-cookies", NoCookies = true },
        new() { Name = "chunked", Chunked = true },
        new() { Name = "no-content-type", OmitContentType = true },
        new() { Name = "booleans-0-1", BooleansAsDigits = true },
        new() { Name = "no-soap-header", NoSoapHeader = true },
        new() { Name = "xml-declaration", XmlDeclaration = true },
        new() { Name = "whitespace-empty-post", WhitespaceEmptyPost = true },
        new() { Name = "huawei-like", XmlDeclaration = true, Prefixes = ("SOAP-ENV", "cwmp"), BooleansAsDigits = true },
        new() { Name = "gsoap-like", NoSoapHeader = true, Chunked = true, OmitContentType = true, NoCookies = true },
    ];

    public static CpeProfile? ByName(string name) =>
        name == Standard.Name ? Standard : Quirks.FirstOrDefault(q => q.Name == name);
}
