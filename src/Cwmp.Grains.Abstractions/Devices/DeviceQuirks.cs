namespace Cwmp.Grains;

/// <summary>
/// Per-device protocol options for the CPEs that need them (checklist §6.8–§6.10, §8). Defaults suit most CPEs.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.DeviceQuirks")]
public sealed record DeviceQuirks
{
    public static DeviceQuirks Default { get; } = new();

    /// <summary>Write booleans (and boolean values) as 1/0.</summary>
    [Id(0)]
    public bool BooleansAsDigits { get; init; }

    /// <summary>Write fractional seconds in dateTime values.</summary>
    [Id(1)]
    public bool DateTimeFractions { get; init; }

    /// <summary>Start every envelope with an XML declaration.</summary>
    [Id(2)]
    public bool XmlDeclaration { get; init; }

    /// <summary>The CPE rejects GetParameterNames with an empty path: discover from the root object instead.</summary>
    [Id(3)]
    public bool NoRootGetParameterNames { get; init; }

    /// <summary>End sessions with an empty 200 instead of 204 (CPEs that treat 204 as an error).</summary>
    [Id(4)]
    public bool EndWithEmpty200 { get; init; }

    /// <summary>The writer options these quirks imply.</summary>
    public Cwmp.Protocol.CwmpWriterOptions ToWriterOptions() =>
        !BooleansAsDigits && !DateTimeFractions && !XmlDeclaration
            ? Cwmp.Protocol.CwmpWriterOptions.Default
            : new() { BooleansAsDigits = BooleansAsDigits, DateTimeFractions = DateTimeFractions, XmlDeclaration = XmlDeclaration };
}
