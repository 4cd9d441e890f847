namespace Cwmp.Grains.Presets;

/// <summary>
/// The order of firmware versions: split at every character that is not a letter or a digit, segments compared one
/// by one, numerically when both are all digits, else ordinal; a version that is a prefix of another sorts first
/// ("1.2" &lt; "1.2.1" &lt; "1.10").
/// </summary>
public static class VersionOrder
{
    private static readonly char[] Separators = ['.', '-', '_', ' ', '/', '+', ':', ',', '(', ')'];

    public static int Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string[] left = a.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        string[] right = b.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            int order = CompareSegment(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CompareSegment(string a, string b)
    {
        if (a.All(char.IsAsciiDigit) && b.All(char.IsAsciiDigit))
        {
            string x = a.TrimStart('0');
            string y = b.TrimStart('0');
            return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
        }

        return string.CompareOrdinal(a, b);
    }
}
