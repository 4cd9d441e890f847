namespace Cwmp.Protocol;

/// <summary>The XML namespaces of SOAP 1.1 and CWMP.</summary>
public static class CwmpNamespaces
{
    public const string SoapEnvelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string SoapEncoding = "http://schemas.xmlsoap.org/soap/encoding/";
    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";
    public const string XmlSchema = "http://www.w3.org/2001/XMLSchema";
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    public const string Cwmp10 = "urn:dslforum-org:cwmp-1-0";
    public const string Cwmp11 = "urn:dslforum-org:cwmp-1-1";
    public const string Cwmp12 = "urn:dslforum-org:cwmp-1-2";

    /// <summary>Not defined by any BBF schema, but sent by real CPEs; accepted and echoed back.</summary>
    public const string Cwmp13 = "urn:dslforum-org:cwmp-1-3";

    /// <summary>Not defined by any BBF schema, but sent by real CPEs; accepted and echoed back.</summary>
    public const string Cwmp14 = "urn:dslforum-org:cwmp-1-4";

    private const string CwmpPrefix = "urn:dslforum-org:cwmp-1-";

    /// <summary>True for any <c>urn:dslforum-org:cwmp-1-N</c> namespace.</summary>
    public static bool IsCwmp(string namespaceUri) =>
        namespaceUri.Length > CwmpPrefix.Length
        && namespaceUri.StartsWith(CwmpPrefix, StringComparison.Ordinal)
        && namespaceUri.AsSpan(CwmpPrefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// The CWMP version a namespace implies when the CPE sends no SupportedCWMPVersions header:
    /// cwmp-1-N means 1.N. Returns false for a namespace that is not a CWMP one.
    /// </summary>
    public static bool TryGetVersion(string namespaceUri, out CwmpVersion version)
    {
        if (IsCwmp(namespaceUri) && int.TryParse(namespaceUri.AsSpan(CwmpPrefix.Length), out int minor))
        {
            version = new CwmpVersion(1, minor);
            return true;
        }

        version = default;
        return false;
    }

    /// <summary>Returns the interned constant for a known CWMP namespace, so that every envelope does not keep its own copy.</summary>
    internal static string Intern(string namespaceUri) => namespaceUri switch
    {
        Cwmp10 => Cwmp10,
        Cwmp11 => Cwmp11,
        Cwmp12 => Cwmp12,
        Cwmp13 => Cwmp13,
        Cwmp14 => Cwmp14,
        _ => namespaceUri,
    };
}
