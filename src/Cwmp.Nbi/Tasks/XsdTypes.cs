using System.Globalization;

namespace Cwmp.Nbi.Tasks;

/// <summary>The xsi:types a SetParameterValues value may carry, and a check that the value fits its type.</summary>
internal static class XsdTypes
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "xsd:string", "xsd:int", "xsd:unsignedInt", "xsd:long", "xsd:unsignedLong", "xsd:boolean", "xsd:dateTime",
        "xsd:base64Binary", "xsd:hexBinary", "xsd:decimal", "xsd:double", "xsd:float", "xsd:anyURI",
    ];

    public static bool IsKnown(string type) => Known.Contains(type, StringComparer.Ordinal);

    /// <summary>Null when <paramref name="value"/> is a valid <paramref name="type"/>, else why not.</summary>
    public static string? Check(string type, string value)
    {
        bool ok = type switch
        {
            "xsd:int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "xsd:unsignedInt" => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "xsd:long" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "xsd:unsignedLong" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "xsd:boolean" => value is "true" or "false" or "1" or "0",
            "xsd:dateTime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "xsd:decimal" or "xsd:double" or "xsd:float" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "xsd:hexBinary" => value.Length % 2 == 0 && value.All(char.IsAsciiHexDigit),
            "xsd:base64Binary" => Convert.TryFromBase64String(value, new byte[value.Length], out _),
            _ => true,
        };
        return ok ? null : $"'{value}' is not a valid {type}";
    }
}
