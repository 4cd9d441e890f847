namespace Cwmp.Protocol;

/// <summary>
/// The cwmp SOAP header elements. All are optional: gSOAP-based CPEs send no header at all (checklist §6.4).
/// </summary>
public sealed record CwmpHeader
{
    public static CwmpHeader Empty { get; } = new();

    /// <summary>cwmp:ID (mustUnderstand="1"): echoed on every response and fault to correlate it.</summary>
    public string? Id { get; init; }

    /// <summary>cwmp:HoldRequests (ACS to CPE only): while true the CPE must not send requests.</summary>
    public bool? HoldRequests { get; init; }

    /// <summary>cwmp:NoMoreRequests: TR-069 Issue 1 only, absent from every schema; accepted and ignored.</summary>
    public bool? NoMoreRequests { get; init; }

    /// <summary>cwmp:SessionTimeout (CWMP 1.3, in an Inform): the CPE's session timeout in seconds.</summary>
    public uint? SessionTimeout { get; init; }

    /// <summary>cwmp:SupportedCWMPVersions (CWMP 1.4, in an Inform), e.g. "1.0,1.1,1.2,1.3,1.4".</summary>
    public string? SupportedCwmpVersions { get; init; }

    /// <summary>cwmp:UseCWMPVersion (CWMP 1.4, in an InformResponse): the version the ACS chose.</summary>
    public string? UseCwmpVersion { get; init; }

    public bool IsEmpty => this == Empty;

    public static CwmpHeader WithId(string id) => new() { Id = id };
}
