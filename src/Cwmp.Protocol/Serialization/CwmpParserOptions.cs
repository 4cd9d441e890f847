namespace Cwmp.Protocol;

/// <summary>
/// Limits and tolerances of <see cref="CwmpParser"/>. The defaults are safe for a public ACS endpoint and large
/// enough for the biggest real GetParameterNames/GetParameterValues responses (tens of thousands of parameters).
/// </summary>
public sealed record CwmpParserOptions
{
    public static CwmpParserOptions Default { get; } = new();

    /// <summary>Largest body accepted, in bytes (after transfer decoding).</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted; a CWMP envelope needs 7.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most elements accepted in one document.</summary>
    public int MaxElements { get; init; } = 500_000;

    /// <summary>Longest text value accepted, in characters.</summary>
    public int MaxStringLength { get; init; } = 64 * 1024;

    /// <summary>
    /// Longest tag accepted (an element name with its attributes), in bytes (in characters for a UTF-16 or UTF-32
    /// body). A CWMP tag needs a few hundred; the XML reader builds a whole tag in memory before it can be checked.
    /// </summary>
    public int MaxTagLength { get; init; } = 16 * 1024;

    /// <summary>Most items accepted in one array (ParameterList, ParameterNames, …).</summary>
    public int MaxArrayLength { get; init; } = 100_000;

    /// <summary>Most parameters accepted in an Inform; real CPEs send tens, a few send hundreds.</summary>
    public int MaxInformParameters { get; init; } = 4_096;

    /// <summary>Most events accepted in an Inform (cwmp-1-2.xsd EventList maxOccurs="64").</summary>
    public int MaxInformEvents { get; init; } = 64;

    /// <summary>
    /// Characters XML 1.0 forbids, written by a CPE as character references (control characters, U+FFFE/U+FFFF,
    /// lone surrogates) or as raw control bytes, are removed from values instead of failing the message (checklist
    /// §6.11). In a name they still make the document <see cref="CwmpParseError.MalformedXml"/>. When false, any of
    /// them is rejected with <see cref="CwmpParseError.MalformedXml"/>.
    /// </summary>
    public bool StripInvalidXmlCharacters { get; init; } = true;
}
