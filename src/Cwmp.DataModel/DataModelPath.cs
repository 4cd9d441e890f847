namespace Cwmp.DataModel;

/// <summary>
/// Instance paths to generic paths: "Device.WiFi.SSID.3.SSID" → "Device.WiFi.SSID.{i}.SSID". A BBF name never starts
/// with a digit or "[", so a segment that is all digits (an instance number) or "[alias]" (alias-based addressing,
/// TR-069 Annex II) can only be an instance.
/// </summary>
public static class DataModelPath
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    public static string ToGeneric(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!NeedsRewrite(path))
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path.Length + 8);
        int start = 0;
        while (start <= path.Length)
        {
            int dot = path.IndexOf('.', start);
            int end = dot < 0 ? path.Length : dot;
            ReadOnlySpan<char> segment = path.AsSpan(start, end - start);
            builder.Append(IsInstance(segment) ? "{i}" : segment);
            if (dot < 0)
            {
                break;
            }

            builder.Append('.');
            start = dot + 1;
        }

        return builder.ToString();
    }

    /// <summary>True when some segment is a vendor extension ("X_…"): the BBF models do not define it.</summary>
    public static bool IsVendorExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith("X_", StringComparison.Ordinal) || path.Contains(".X_", StringComparison.Ordinal);
    }

    private static bool IsInstance(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && (segment[0] == '[' ? segment[^1] == ']' : !segment.ContainsAnyExcept(Digits));

    private static bool NeedsRewrite(string path)
    {
        for (int i = 0; i < path.Length; i++)
        {
            if ((i == 0 || path[i - 1] == '.') && (char.IsAsciiDigit(path[i]) || path[i] == '['))
            {
                return true;
            }
        }

        return false;
    }
}
