using System.Globalization;
using System.Text.RegularExpressions;

namespace Cwmp.DataModel;

/// <summary>Checks one value against a parameter's syntax (TR-106 §3.2): type, list, ranges, sizes, enumeration, patterns.</summary>
internal static class ValueValidator
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static ValidationResult Validate(string path, ParameterSyntax syntax, string value)
    {
        if (!syntax.IsList)
        {
            return ValidateItem(path, syntax, value);
        }

        if (syntax.ListMaxLength is { } maxLength && value.Length > maxLength)
        {
            return new(path, ValidationRule.ListItems, $"The list is {value.Length} characters long; at most {maxLength} are allowed.");
        }

        string[] items = value.Length == 0 ? [] : value.Split(',', StringSplitOptions.TrimEntries);
        if (syntax.ListMinItems is { } min && items.Length < min)
        {
            return new(path, ValidationRule.ListItems, $"The list has {items.Length} items; at least {min} are needed.");
        }

        if (syntax.ListMaxItems is { } max && items.Length > max)
        {
            return new(path, ValidationRule.ListItems, $"The list has {items.Length} items; at most {max} are allowed.");
        }

        foreach (string item in items)
        {
            ValidationResult result = ValidateItem(path, syntax, item);
            if (!result.IsValid)
            {
                return result with { Message = $"List item \"{item}\": {result.Message}" };
            }
        }

        return ValidationResult.Ok(path);
    }

    /// <summary>The value parses as the xsi:type a CPE reported for a vendor parameter ("xsd:unsignedInt").</summary>
    public static ValidationResult ValidateReportedType(string path, string reportedType, string value)
    {
        PrimitiveType? type = FromXsd(reportedType);
        return type is { } known ? ValidateItem(path, new ParameterSyntax { Type = known }, value) : ValidationResult.Ok(path);
    }

    public static PrimitiveType? FromXsd(string xsdType)
    {
        int colon = xsdType.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? xsdType : xsdType[(colon + 1)..]) switch
        {
            "string" => PrimitiveType.String,
            "boolean" => PrimitiveType.Boolean,
            "int" => PrimitiveType.Int,
            "unsignedInt" => PrimitiveType.UnsignedInt,
            "long" => PrimitiveType.Long,
            "unsignedLong" => PrimitiveType.UnsignedLong,
            "decimal" => PrimitiveType.Decimal,
            "dateTime" => PrimitiveType.DateTime,
            "base64" or "base64Binary" => PrimitiveType.Base64,
            "hexBinary" => PrimitiveType.HexBinary,
            _ => null,
        };
    }

    private static ValidationResult ValidateItem(string path, ParameterSyntax syntax, string value)
    {
        switch (syntax.Type)
        {
            case PrimitiveType.Boolean:
                return value is "true" or "false" or "1" or "0"
                    ? ValidationResult.Ok(path)
                    : new(path, ValidationRule.Type, $"\"{value}\" is not a boolean (true, false, 1 or 0).");
            case PrimitiveType.Int or PrimitiveType.UnsignedInt or PrimitiveType.Long or PrimitiveType.UnsignedLong or PrimitiveType.Decimal:
                return ValidateNumber(path, syntax, value);
            case PrimitiveType.DateTime:
                return IsDateTime(value)
                    ? ValidationResult.Ok(path)
                    : new(path, ValidationRule.Type, $"\"{value}\" is not an ISO 8601 dateTime (e.g. 2026-01-31T12:00:00Z).");
            case PrimitiveType.Base64:
                byte[] buffer = new byte[(value.Length * 3 / 4) + 3];
                return Convert.TryFromBase64String(value, buffer, out int decoded)
                    ? CheckLength(path, syntax, decoded, "bytes")
                    : new(path, ValidationRule.Type, "The value is not base64.");
            case PrimitiveType.HexBinary:
                return value.Length % 2 == 0 && !value.AsSpan().ContainsAnyExcept(HexDigits)
                    ? CheckLength(path, syntax, value.Length / 2, "bytes")
                    : new(path, ValidationRule.Type, $"\"{value}\" is not hexBinary (an even number of hex digits).");
            default:
                return ValidateString(path, syntax, value);
        }
    }

    private static ValidationResult ValidateNumber(string path, ParameterSyntax syntax, string value)
    {
        NumberStyles style = syntax.Type == PrimitiveType.Decimal ? NumberStyles.Number : NumberStyles.AllowLeadingSign;
        bool parsed = syntax.Type switch
        {
            PrimitiveType.Int => int.TryParse(value, style, CultureInfo.InvariantCulture, out _),
            PrimitiveType.UnsignedInt => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            PrimitiveType.Long => long.TryParse(value, style, CultureInfo.InvariantCulture, out _),
            PrimitiveType.UnsignedLong => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => decimal.TryParse(value, style, CultureInfo.InvariantCulture, out _),
        };
        if (!parsed || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number))
        {
            return new(path, ValidationRule.Type, $"\"{value}\" is not {Article(syntax.Type)} {syntax.Type.ToCamelCase()}.");
        }

        if (syntax.Ranges.Count > 0 && !syntax.Ranges.Any(r => r.Contains(number)))
        {
            return new(path, ValidationRule.Range, $"{value} is outside {string.Join(" or ", syntax.Ranges)}.");
        }

        return CheckEnumeration(path, syntax, value);
    }

    private static ValidationResult ValidateString(string path, ParameterSyntax syntax, string value)
    {
        ValidationResult length = CheckLength(path, syntax, value.Length, "characters");
        if (!length.IsValid)
        {
            return length;
        }

        // Enumerations and patterns together are alternatives: the listed values, or a pattern (often the vendor
        // "X_<OUI>_…" form); TR-106 also lets a vendor extend any enumeration with "X_" values.
        if (syntax.Enumeration.Count > 0)
        {
            ValidationResult enumeration = CheckEnumeration(path, syntax, value);
            bool readOnlyValue = syntax.ReadOnlyEnumeration.Contains(value, StringComparer.Ordinal);
            return enumeration.IsValid || (!readOnlyValue && (value.StartsWith("X_", StringComparison.Ordinal) || syntax.Patterns.Any(p => Matches(p, value))))
                ? ValidationResult.Ok(path)
                : enumeration;
        }

        if (syntax.Patterns.Count > 0 && !syntax.Patterns.Any(p => Matches(p, value)))
        {
            return new(path, ValidationRule.Pattern, $"\"{value}\" matches none of the patterns {string.Join(", ", syntax.Patterns.Select(p => "\"" + PatternText(p) + "\""))}.");
        }

        return ValidationResult.Ok(path);
    }

    /// <summary>The BBF pattern as written (the compiled form is anchored).</summary>
    private static string PatternText(Regex pattern)
    {
        string text = pattern.ToString();
        return text.StartsWith("^(?:", StringComparison.Ordinal) && text.EndsWith(")$", StringComparison.Ordinal) ? text[4..^2] : text;
    }

    private static ValidationResult CheckLength(string path, ParameterSyntax syntax, int length, string unit) =>
        syntax.Lengths.Count == 0 || syntax.Lengths.Any(l => l.Contains(length))
            ? ValidationResult.Ok(path)
            : new(path, ValidationRule.Length, $"The value is {length} {unit} long; allowed: {string.Join(" or ", syntax.Lengths)}.");

    private static ValidationResult CheckEnumeration(string path, ParameterSyntax syntax, string value)
    {
        if (syntax.ReadOnlyEnumeration.Contains(value, StringComparer.Ordinal))
        {
            return new(path, ValidationRule.Enumeration, $"\"{value}\" is a value the CPE reports; the ACS may not set it.");
        }

        return syntax.Enumeration.Count == 0 || syntax.Enumeration.Contains(value, StringComparer.Ordinal)
            ? ValidationResult.Ok(path)
            : new(path, ValidationRule.Enumeration, $"\"{value}\" is not one of {string.Join(", ", syntax.Enumeration)}.");
    }

    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that takes this long on a value is treated as not matching it.
            return false;
        }
    }

    private static bool IsDateTime(string value) =>
        value.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static string Article(PrimitiveType type) => type is PrimitiveType.Int or PrimitiveType.UnsignedInt or PrimitiveType.UnsignedLong ? "an" : "a";

    private static string ToCamelCase(this PrimitiveType type)
    {
        string name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
