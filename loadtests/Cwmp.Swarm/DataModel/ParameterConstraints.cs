using System.Globalization;

namespace Cwmp.Swarm.DataModel;

/// <summary>What the data model allows a value to be: enumerations, ranges, lengths (from the template's constraints column).</summary>
internal sealed class ParameterConstraints
{
    public string[]? Enumeration { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public int? MaxLength { get; init; }

    public bool Hidden { get; init; }

    public bool IsList { get; init; }

    /// <summary>Parses "enum=a|b;min=1;max=9;len=64;hidden;list;kind=IPAddress"; null when nothing constrains.</summary>
    public static ParameterConstraints? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[]? enumeration = null;
        long? min = null, max = null;
        int? length = null;
        bool hidden = false, list = false;
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? string.Empty : part[(eq + 1)..];
            switch (key)
            {
                case "enum": enumeration = value.Split('|'); break;
                case "min": min = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "max": max = long.TryParse(value, CultureInfo.InvariantCulture, out long m) ? m : null; break;
                case "len": length = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "hidden": hidden = true; break;
                case "list": list = true; break;
                default: break;
            }
        }

        return enumeration is null && min is null && max is null && length is null && !hidden && !list
            ? null
            : new ParameterConstraints { Enumeration = enumeration, Minimum = min, Maximum = max, MaxLength = length, Hidden = hidden, IsList = list };
    }
}
