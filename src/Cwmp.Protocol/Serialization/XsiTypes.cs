namespace Cwmp.Protocol.Serialization;

/// <summary>
/// Canonical names for xsi:type values: whatever prefix a CPE bound to the XML Schema namespace, the type is
/// kept as "xsd:local" (and "soap-enc:local", "cwmp:local" for those namespaces), so that the writer, which declares
/// exactly those prefixes, can send it back unchanged. Common names come from a table, not a new string.
/// </summary>
internal static class XsiTypes
{
    public const string String = "xsd:string";
    public const string Boolean = "xsd:boolean";

    private static readonly string[] Known =
    [
        "xsd:string", "xsd:int", "xsd:unsignedInt", "xsd:long", "xsd:unsignedLong", "xsd:boolean", "xsd:dateTime",
        "xsd:base64Binary", "xsd:hexBinary", "xsd:decimal", "xsd:anySimpleType", "xsd:double", "xsd:float",
        "xsd:short", "xsd:unsignedShort", "xsd:byte", "xsd:unsignedByte", "xsd:integer", "xsd:anyURI",
    ];

    public static string Canonicalize(string raw, Func<string, string?> lookupNamespace)
    {
        int colon = raw.IndexOf(':', StringComparison.Ordinal);
        string prefix = colon < 0 ? string.Empty : raw[..colon];
        ReadOnlySpan<char> local = colon < 0 ? raw : raw.AsSpan(colon + 1);
        string? ns = lookupNamespace(prefix);
        string? canonicalPrefix = ns switch
        {
            CwmpNamespaces.XmlSchema => "xsd",
            CwmpNamespaces.SoapEncoding => "soap-enc",
            _ when ns is not null && CwmpNamespaces.IsCwmp(ns) => "cwmp",
            // An unbound "xsd:"/"xs:" prefix is still meant as XML Schema.
            null when prefix is "xsd" or "xs" => "xsd",
            _ => null,
        };

        if (canonicalPrefix is null)
        {
            return raw;
        }

        if (canonicalPrefix == "xsd")
        {
            foreach (string known in Known)
            {
                if (local.SequenceEqual(known.AsSpan(4)))
                {
                    return known;
                }
            }
        }

        return string.Concat(canonicalPrefix, ":", local);
    }
}
