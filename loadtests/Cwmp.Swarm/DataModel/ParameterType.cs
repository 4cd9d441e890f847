namespace Cwmp.Swarm.DataModel;

/// <summary>The TR-106 base types a parameter can have; objects are entries of the tree too.</summary>
internal enum ParameterType : byte
{
    Object,
    String,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    Boolean,
    DateTime,
    Base64,
    HexBinary,
    Decimal,
}

internal static class ParameterTypes
{
    public static ParameterType Parse(string text) => text.Trim() switch
    {
        "" or "object" => ParameterType.Object,
        "string" or "xsd:string" => ParameterType.String,
        "int" or "xsd:int" => ParameterType.Int,
        "unsignedInt" or "xsd:unsignedInt" => ParameterType.UnsignedInt,
        "long" or "xsd:long" => ParameterType.Long,
        "unsignedLong" or "xsd:unsignedLong" => ParameterType.UnsignedLong,
        "boolean" or "xsd:boolean" => ParameterType.Boolean,
        "dateTime" or "xsd:dateTime" => ParameterType.DateTime,
        "base64" or "base64Binary" or "xsd:base64" or "xsd:base64Binary" => ParameterType.Base64,
        "hexBinary" or "xsd:hexBinary" => ParameterType.HexBinary,
        "decimal" or "xsd:decimal" => ParameterType.Decimal,
        _ => throw new FormatException($"Unknown parameter type '{text}'."),
    };

    /// <summary>The xsi:type a CPE writes for a value of this type.</summary>
    public static string XsiType(this ParameterType type) => type switch
    {
        ParameterType.Int => "xsd:int",
        ParameterType.UnsignedInt => "xsd:unsignedInt",
        ParameterType.Long => "xsd:long",
        ParameterType.UnsignedLong => "xsd:unsignedLong",
        ParameterType.Boolean => "xsd:boolean",
        ParameterType.DateTime => "xsd:dateTime",
        ParameterType.Base64 => "xsd:base64Binary",
        ParameterType.HexBinary => "xsd:hexBinary",
        ParameterType.Decimal => "xsd:decimal",
        _ => "xsd:string",
    };

    /// <summary>The value a new instance gets when the template names none.</summary>
    public static string EmptyValue(this ParameterType type) => type switch
    {
        ParameterType.Int or ParameterType.UnsignedInt or ParameterType.Long or ParameterType.UnsignedLong or ParameterType.Decimal => "0",
        ParameterType.Boolean => "false",
        ParameterType.DateTime => "0001-01-01T00:00:00Z",
        _ => string.Empty,
    };
}
