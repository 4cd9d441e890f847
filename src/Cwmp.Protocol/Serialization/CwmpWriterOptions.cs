namespace Cwmp.Protocol;

/// <summary>
/// Per-device output options for the quirks of strict CPEs (checklist §6.8, §6.10). The defaults are what the
/// schemas say and what most CPEs accept.
/// </summary>
public sealed record CwmpWriterOptions
{
    public static CwmpWriterOptions Default { get; } = new();

    /// <summary>Write booleans as 1/0 instead of true/false (CPEs that reject the words, or NextLevel false).</summary>
    public bool BooleansAsDigits { get; init; }

    /// <summary>Write fractional seconds in dateTime values; off by default because some CPEs reject them.</summary>
    public bool DateTimeFractions { get; init; }

    /// <summary>Start the document with an XML declaration (some Huawei CPEs need it).</summary>
    public bool XmlDeclaration { get; init; }
}
