using System.Text.RegularExpressions;

namespace Cwmp.DataModel;

/// <summary>
/// What a parameter's value may be, with named data types (TR-106's and the model's own) already resolved: the
/// primitive type and its facets, and, for a list-valued parameter, the list's own constraints.
/// </summary>
public sealed class ParameterSyntax
{
    public required PrimitiveType Type { get; init; }

    /// <summary>The named data type it was declared with ("IPv4Address"), or null for a plain primitive.</summary>
    public string? DataType { get; init; }

    public IReadOnlyList<ValueRange> Ranges { get; init; } = [];

    public IReadOnlyList<LengthRange> Lengths { get; init; } = [];

    /// <summary>Allowed values (strings); empty when any value of the type is allowed.</summary>
    public IReadOnlyList<string> Enumeration { get; init; } = [];

    /// <summary>Enumeration values the CPE reports but the ACS must not set (<c>access="readOnly"</c>).</summary>
    public IReadOnlyList<string> ReadOnlyEnumeration { get; init; } = [];

    /// <summary>Regular expressions a value must match one of (whole value), compiled with a match timeout.</summary>
    public IReadOnlyList<Regex> Patterns { get; init; } = [];

    /// <summary>The value is a comma-separated list of items of <see cref="Type"/>.</summary>
    public bool IsList { get; init; }

    public int? ListMinItems { get; init; }

    public int? ListMaxItems { get; init; }

    /// <summary>The list's maximum length as a whole string.</summary>
    public int? ListMaxLength { get; init; }

    /// <summary>The value reads back empty (passwords): never compared with what the CPE reports.</summary>
    public bool Hidden { get; init; }

    /// <summary>The xsi:type a CPE sends the value with ("xsd:unsignedInt"); lists and named types are strings on the wire.</summary>
    public string XsdType => IsList ? "xsd:string" : Type switch
    {
        PrimitiveType.Boolean => "xsd:boolean",
        PrimitiveType.Int => "xsd:int",
        PrimitiveType.UnsignedInt => "xsd:unsignedInt",
        PrimitiveType.Long => "xsd:long",
        PrimitiveType.UnsignedLong => "xsd:unsignedLong",
        PrimitiveType.DateTime => "xsd:dateTime",
        PrimitiveType.Base64 => "xsd:base64",
        PrimitiveType.HexBinary => "xsd:hexBinary",
        PrimitiveType.Decimal => "xsd:decimal",
        _ => "xsd:string",
    };
}
