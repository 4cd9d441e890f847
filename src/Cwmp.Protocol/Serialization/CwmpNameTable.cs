using System.Numerics;
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
    // XmlReader looks up every element and attribute name (prefix and local name apart) as it reads a start tag, so
    // this lookup runs a few hundred times per Inform. An open-addressing table with a hash of the length and three
    // characters costs less than hashing every character (a frozen set did that); the candidate is then compared in
    // full, so a hash collision costs a probe, never a wrong answer.
    private static readonly string[] Known = CreateTable(CreateKnownNames());

    private NameTable? _others;

    public override string Add(char[] array, int offset, int length) =>
        FindKnown(array.AsSpan(offset, length)) ?? Others.Add(array, offset, length);

    public override string Add(string array) =>
        FindKnown(array) ?? Others.Add(array);

    public override string? Get(char[] array, int offset, int length) =>
        FindKnown(array.AsSpan(offset, length)) ?? _others?.Get(array, offset, length);

    public override string? Get(string array) =>
        FindKnown(array) ?? _others?.Get(array);

    /// <summary>The atomised string equal to <paramref name="name"/>, or null when the document has not used that name.</summary>
    public string? Get(ReadOnlySpan<char> name) =>
        FindKnown(name) ?? _others?.Get(name.ToString());

    private NameTable Others => _others ??= new NameTable();

    private static string? FindKnown(ReadOnlySpan<char> name)
    {
        string[] table = Known;
        int mask = table.Length - 1;
        for (int slot = Hash(name) & mask; ; slot = (slot + 1) & mask)
        {
            string? candidate = table[slot];
            if (candidate is null || name.SequenceEqual(candidate))
            {
                return candidate;
            }
        }
    }

    private static int Hash(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return 0;
        }

        uint hash = (uint)name.Length * 0x9E3779B1u;
        hash = (hash ^ name[0]) * 0x85EBCA6Bu;
        hash = (hash ^ name[name.Length >> 1]) * 0xC2B2AE35u;
        hash = (hash ^ name[^1]) * 0x27D4EB2Fu;
        return (int)(hash ^ (hash >> 15));
    }

    private static string[] CreateTable(string[] names)
    {
        // At most a quarter full, so that probes stay short and an empty slot always ends a search.
        var table = new string[(int)BitOperations.RoundUpToPowerOf2((uint)names.Length * 4)];
        int mask = table.Length - 1;
        foreach (string name in names)
        {
            int slot = Hash(name) & mask;
            while (table[slot] is { } occupant)
            {
                if (occupant == name)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }

            table[slot] = name;
        }

        return table;
    }

    private static string[] CreateKnownNames()
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

        return [.. names.Concat(MessageRegistry.MethodNames)];
    }
}
