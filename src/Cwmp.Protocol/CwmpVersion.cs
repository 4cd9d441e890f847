using System.Globalization;

namespace Cwmp.Protocol;

/// <summary>A CWMP protocol version, 1.0 to 1.4 (TR-069 Amendments 1 to 6).</summary>
public readonly record struct CwmpVersion(int Major, int Minor) : IComparable<CwmpVersion>
{
    public static readonly CwmpVersion Version10 = new(1, 0);
    public static readonly CwmpVersion Version11 = new(1, 1);
    public static readonly CwmpVersion Version12 = new(1, 2);
    public static readonly CwmpVersion Version13 = new(1, 3);
    public static readonly CwmpVersion Version14 = new(1, 4);

    /// <summary>Every version this library can read and write, oldest first.</summary>
    public static IReadOnlyList<CwmpVersion> All { get; } = [Version10, Version11, Version12, Version13, Version14];

    public int CompareTo(CwmpVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(CwmpVersion left, CwmpVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(CwmpVersion left, CwmpVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(CwmpVersion left, CwmpVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(CwmpVersion left, CwmpVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Parses "1.2" (surrounding whitespace allowed).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CwmpVersion version)
    {
        text = text.Trim();
        int dot = text.IndexOf('.');
        if (dot > 0
            && int.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            && int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            version = new CwmpVersion(major, minor);
            return true;
        }

        version = default;
        return false;
    }

    /// <summary>
    /// The namespace a CPE of this version uses. CWMP 1.3 and 1.4 kept the 1.2 namespace
    /// (cwmp-1-3.xsd and cwmp-1-4.xsd have targetNamespace cwmp-1-2).
    /// </summary>
    public string NamespaceUri => this >= Version12 ? CwmpNamespaces.Cwmp12 : this == Version11 ? CwmpNamespaces.Cwmp11 : CwmpNamespaces.Cwmp10;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
