using System.Collections.Frozen;
using System.Xml;

namespace Cwmp.Protocol.Serialization;

/// <summary>
/// The <see cref="XmlNameTable"/> of one parse. The names CWMP documents use (prefixes, namespace URIs, element and
/// attribute names) are atomised once for the whole process, so that a typical envelope adds no name strings at all;
/// any other name goes into a private <see cref="NameTable"/> created on first need. The shared part is immutable,
/// which is what makes it safe for concurrent parses (a shared <see cref="NameTable"/> is not), and the private part
/// dies with the document, so hostile input cannot grow it.
/// </summary>
internal sealed class CwmpNameTable : XmlNameTable
{
    private static readonly FrozenSet<string> Known = CreateKnownNames();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    private NameTable? _others;

    public override string Add(char[] array, int offset, int length) =>
        KnownBySpan.TryGetValue(array.AsSpan(offset, length), out string? known) ? known : Others.Add(array, offset, length);

    public override string Add(string array) =>
        Known.TryGetValue(array, out string? known) ? known : Others.Add(array);

    public override string? Get(char[] array, int offset, int length) =>
        KnownBySpan.TryGetValue(array.AsSpan(offset, length), out string? known) ? known : _others?.Get(array, offset, length);

    public override string? Get(string array) =>
        Known.TryGetValue(array, out string? known) ? known : _others?.Get(array);

    /// <summary>The atomised string equal to <paramref name="name"/>, or null when the document has not used that name.</summary>
    public string? Get(ReadOnlySpan<char> name) =>
        KnownBySpan.TryGetValue(name, out string? known) ? known : _others?.Get(name.ToString());

    private NameTable Others => _others ??= new NameTable();

    private static FrozenSet<string> CreateKnownNames()
    {
        string[] names =
        [
            string.Empty, "xml", "xmlns", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/",
            "version", "encoding", "standalone",

            // Namespaces and the prefixes CPEs bind them to.
            CwmpNamespaces.SoapEnvelope, CwmpNamespaces.SoapEncoding, CwmpNamespaces.Soap12Envelope,
            CwmpNamespaces.XmlSchema, CwmpNamespaces.XmlSchemaInstance, CwmpNamespaces.Cwmp10, CwmpNamespaces.Cwmp11,
            CwmpNamespaces.Cwmp12, CwmpNamespaces.Cwmp13, CwmpNamespaces.Cwmp14,
            "soap-env", "SOAP-ENV", "soapenv", "SOAPENV", "soap_env", "soap", "SOAP", "env", "s", "S",
            "soap-enc", "SOAP-ENC", "soapenc", "SOAPENC", "soap_enc", "enc",
            "xsd", "xs", "xsi", "cwmp", "CWMP",

            // SOAP.
            "Envelope", "Header", "Body", "Fault", "faultcode", "faultstring", "faultactor", "detail",
            "mustUnderstand", "encodingStyle", "actor", "arrayType", "type", "id", "href", "nil",

            // cwmp header.
            "ID", "HoldRequests", "NoMoreRequests", "SessionTimeout", "sessionTimeout", "SupportedCWMPVersions", "UseCWMPVersion",

            // Elements inside the RPCs (the RPC names come from the registry).
            "DeviceId", "Manufacturer", "OUI", "ProductClass", "SerialNumber", "Event", "EventStruct", "EventCode",
            "CommandKey", "MaxEnvelopes", "CurrentTime", "RetryCount", "ParameterList", "ParameterValueStruct",
            "Name", "Value", "MethodList", "string", "FaultCode", "FaultString", "SetParameterValuesFault",
            "ParameterName", "ParameterNames", "ParameterKey", "Status", "ParameterPath", "NextLevel",
            "ParameterInfoStruct", "Writable", "ParameterAttributeStruct", "SetParameterAttributesStruct",
            "Notification", "NotificationChange", "AccessList", "AccessListChange", "ObjectName", "InstanceNumber",
            "FaultStruct", "StartTime", "CompleteTime", "FileType", "URL", "Username", "Password", "FileSize",
            "TargetFileName", "DelaySeconds", "SuccessURL", "FailureURL", "AnnounceURL", "TransferURL", "IsDownload",
            "TimeWindowList", "TimeWindowStruct", "WindowStart", "WindowEnd", "WindowMode", "UserMessage",
            "MaxRetries", "TransferList", "QueuedTransferStruct", "AllQueuedTransferStruct", "State",
        ];

        return names.Concat(MessageRegistry.MethodNames).ToFrozenSet(StringComparer.Ordinal);
    }
}
