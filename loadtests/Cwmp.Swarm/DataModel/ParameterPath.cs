using System.Text;

namespace Cwmp.Swarm.DataModel;

/// <summary>Helpers for TR-069 parameter paths: partial paths end with ".", instance numbers are numeric segments.</summary>
internal static class ParameterPath
{
    public const string Instance = "{i}";

    public static bool IsPartial(string name) => name.Length == 0 || name[^1] == '.';

    /// <summary>Replaces every numeric segment by {i}: "Device.NAT.PortMapping.3." → "Device.NAT.PortMapping.{i}.".</summary>
    public static string Generic(string path)
    {
        if (!path.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length + 8);
        int start = 0;
        while (start < path.Length)
        {
            int dot = path.IndexOf('.', start);
            int end = dot < 0 ? path.Length : dot;
            ReadOnlySpan<char> segment = path.AsSpan(start, end - start);
            if (segment.Length > 0 && !segment.ContainsAnyExceptInRange('0', '9'))
            {
                builder.Append(Instance);
            }
            else
            {
                builder.Append(segment);
            }

            if (dot >= 0)
            {
                builder.Append('.');
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    /// <summary>True when the object path ends in an instance number ("X.Y.3.").</summary>
    public static bool IsInstancePath(string objectPath, out string tablePath, out uint instance)
    {
        tablePath = string.Empty;
        instance = 0;
        if (objectPath.Length < 3 || objectPath[^1] != '.')
        {
            return false;
        }

        int previousDot = objectPath.LastIndexOf('.', objectPath.Length - 2);
        if (previousDot < 0)
        {
            return false;
        }

        ReadOnlySpan<char> segment = objectPath.AsSpan(previousDot + 1, objectPath.Length - previousDot - 2);
        if (!uint.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out instance) || instance == 0)
        {
            return false;
        }

        tablePath = objectPath[..(previousDot + 1)];
        return true;
    }

    /// <summary>The instance number of the innermost instance a name lies in (for the {instance} token), or 0.</summary>
    public static uint InnermostInstance(string name)
    {
        int end = name.Length;
        while (end > 0)
        {
            int dot = name.LastIndexOf('.', end - 1);
            ReadOnlySpan<char> segment = name.AsSpan(dot + 1, end - dot - 1);
            if (segment.Length > 0 && uint.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out uint n))
            {
                return n;
            }

            if (dot < 0)
            {
                break;
            }

            end = dot;
        }

        return 0;
    }

    /// <summary>The direct parent object of an entry: "A.B.C" → "A.B.", "A.B." → "A.".</summary>
    public static string Parent(string name)
    {
        int from = name.Length - (name.EndsWith('.') ? 2 : 1);
        int dot = from < 0 ? -1 : name.LastIndexOf('.', from);
        return dot < 0 ? string.Empty : name[..(dot + 1)];
    }
}
