using System.Xml;

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

    /// <param name="raw">The attribute value, trimmed.</param>
    /// <param name="scope">The reader on the element that carries the attribute: its namespace declarations resolve the prefix.</param>
    public static string Canonicalize(ReadOnlySpan<char> raw, XmlReader scope)
    {
        int colon = raw.IndexOf(':');
        ReadOnlySpan<char> prefix = colon < 0 ? [] : raw[..colon];
        ReadOnlySpan<char> local = colon < 0 ? raw : raw[(colon + 1)..];
        string? ns = LookupNamespace(scope, prefix);
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
            return raw.ToString();
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

    /// <summary>
    /// Resolves a prefix without making a string of it: every prefix the document declared is atomised in its name
    /// table, so one that is not there is unbound.
    /// </summary>
    private static string? LookupNamespace(XmlReader scope, ReadOnlySpan<char> prefix)
    {
        string? atomized = scope.NameTable is CwmpNameTable names ? names.Get(prefix) : scope.NameTable?.Get(prefix.ToString());
        return atomized is null ? null : scope.LookupNamespace(atomized);
    }
}
