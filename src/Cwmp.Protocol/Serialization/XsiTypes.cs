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

        return canonicalPrefix == "xsd" && KnownSchemaType(local) is { } known ? known : string.Concat(canonicalPrefix, ":", local);
    }

    /// <summary>The shared "xsd:…" constant for a common XML Schema type (every parameter value has one), or null.</summary>
    private static string? KnownSchemaType(ReadOnlySpan<char> local) => local switch
    {
        // A switch on the span compiles to a dispatch on length and characters, not a scan of the list.
        "string" => String,
        "int" => "xsd:int",
        "unsignedInt" => "xsd:unsignedInt",
        "long" => "xsd:long",
        "unsignedLong" => "xsd:unsignedLong",
        "boolean" => Boolean,
        "dateTime" => "xsd:dateTime",
        "base64Binary" => "xsd:base64Binary",
        "hexBinary" => "xsd:hexBinary",
        "decimal" => "xsd:decimal",
        "anySimpleType" => "xsd:anySimpleType",
        "double" => "xsd:double",
        "float" => "xsd:float",
        "short" => "xsd:short",
        "unsignedShort" => "xsd:unsignedShort",
        "byte" => "xsd:byte",
        "unsignedByte" => "xsd:unsignedByte",
        "integer" => "xsd:integer",
        "anyURI" => "xsd:anyURI",
        _ => null,
    };

    /// <summary>
    /// Resolves a prefix without making a string of it: every prefix the document declared is atomised in its name
    /// table, so one that is not there is unbound.
    /// </summary>
    private static string? LookupNamespace(XmlReader scope, ReadOnlySpan<char> prefix)
    {
        // The prefix nearly every CPE uses needs no name-table lookup: the table's atom for it is the literal itself.
        string? atomized = prefix is "xsd" && scope.NameTable is CwmpNameTable ? "xsd"
            : scope.NameTable is CwmpNameTable names ? names.Get(prefix)
            : scope.NameTable?.Get(prefix.ToString());
        return atomized is null ? null : scope.LookupNamespace(atomized);
    }
}
