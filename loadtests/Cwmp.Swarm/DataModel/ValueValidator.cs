using System.Globalization;
using Cwmp.Protocol;

namespace Cwmp.Swarm.DataModel;

/// <summary>
/// Checks one SetParameterValues item the way a careful CPE does, and names the fault: 9005 unknown name (or an
/// object), 9008 read-only, 9006 a typed value of another type (xsd:string is taken for any type, as many ACSs send
/// it), 9007 a value the type, range, length or enumeration refuses. Booleans are stored as true/false.
/// </summary>
internal static class ValueValidator
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static int Validate(DeviceModel model, ParameterValueStruct item, out ParameterDefinition? definition, out string normalized)
    {
        normalized = item.Value;
        if (!model.TryGet(item.Name, out definition) || definition.IsObject || ParameterPath.IsPartial(item.Name))
        {
            definition = null;
            return FaultCodes.InvalidParameterName;
        }

        if (!definition.Writable)
        {
            return FaultCodes.NonWritableParameter;
        }

        if (item.Type != definition.Type.XsiType() && item.Type is not ("xsd:string" or "" or "xsd:anySimpleType"))
        {
            return FaultCodes.InvalidParameterType;
        }

        return CheckValue(definition, item.Value, out normalized) ? 0 : FaultCodes.InvalidParameterValue;
    }

    public static bool CheckValue(ParameterDefinition definition, string value, out string normalized)
    {
        normalized = value;
        string text = value.Trim();
        ParameterConstraints? constraints = definition.Constraints;
        switch (definition.Type)
        {
            case ParameterType.Boolean:
                if (text is "true" or "1")
                {
                    normalized = "true";
                    return true;
                }

                if (text is "false" or "0")
                {
                    normalized = "false";
                    return true;
                }

                return false;
            case ParameterType.Int:
            case ParameterType.Long:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed)
                    || (definition.Type == ParameterType.Int && signed is < int.MinValue or > int.MaxValue))
                {
                    return false;
                }

                normalized = text;
                return InRange(signed, constraints);
            case ParameterType.UnsignedInt:
            case ParameterType.UnsignedLong:
                if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unsigned)
                    || (definition.Type == ParameterType.UnsignedInt && unsigned > uint.MaxValue))
                {
                    return false;
                }

                normalized = text;
                return unsigned > long.MaxValue ? constraints?.Maximum is null : InRange((long)unsigned, constraints);
            case ParameterType.DateTime:
                return CwmpDateTime.Parse(text).Value is not null;
            case ParameterType.Decimal:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
            case ParameterType.HexBinary:
                return text.Length % 2 == 0 && !text.AsSpan().ContainsAnyExcept(HexDigits);
            case ParameterType.Base64:
                return Convert.TryFromBase64String(text, new byte[text.Length], out _);
            default:
                return CheckString(value, constraints);
        }
    }

    private static bool InRange(long value, ParameterConstraints? constraints) =>
        constraints is null || ((constraints.Minimum is null || value >= constraints.Minimum) && (constraints.Maximum is null || value <= constraints.Maximum));

    private static bool CheckString(string value, ParameterConstraints? constraints)
    {
        if (constraints is null)
        {
            return true;
        }

        if (constraints.MaxLength is int max && value.Length > max)
        {
            return false;
        }

        if (constraints.Enumeration is not { } allowed)
        {
            return true;
        }

        if (!constraints.IsList)
        {
            return Array.IndexOf(allowed, value) >= 0;
        }

        return value.Length == 0 || value.Split(',').All(item => Array.IndexOf(allowed, item.Trim()) >= 0);
    }
}
