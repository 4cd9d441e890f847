using System.Text;

namespace Cwmp.Server.Tests.EndToEnd;

/// <summary>Envelopes spelled byte for byte the way CPEs send them: SOAP-ENV/SOAP-ENC prefixes, an XML declaration.</summary>
internal static class CpeMessages
{
    public const string Oui = "00259E";
    public const string ProductClass = "HG8245";
    public const string Cwmp10 = "urn:dslforum-org:cwmp-1-0";
    public const string Cwmp12 = "urn:dslforum-org:cwmp-1-2";
    public const string Cwmp14 = "urn:dslforum-org:cwmp-1-4";

    public static string DeviceKeyOf(string serial) => $"{Oui}-{ProductClass}-{serial}";

    /// <summary>An Inform; <paramref name="root"/> is "Device." (TR-181) or "InternetGatewayDevice." (TR-098).</summary>
    public static byte[] Inform(
        string ns, string root, string serial, string id, string eventCode,
        string connectionRequestUrl = "http://192.0.2.10:30005/cr", string? supportedVersions = null) =>
        Inform(ns, root, serial, id, [(eventCode, string.Empty)], connectionRequestUrl, supportedVersions);

    /// <summary>An Inform with several events, e.g. "1 BOOT" + "M Reboot" with the Reboot's CommandKey.</summary>
    public static byte[] Inform(
        string ns, string root, string serial, string id, (string Code, string CommandKey)[] events,
        string connectionRequestUrl = "http://192.0.2.10:30005/cr", string? supportedVersions = null, string softwareVersion = "V5R019C10S115")
    {
        var header = new StringBuilder();
        header.Append("<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">").Append(id).Append("</cwmp:ID>");
        if (supportedVersions is not null)
        {
            header.Append("<cwmp:SupportedCWMPVersions SOAP-ENV:mustUnderstand=\"0\">").Append(supportedVersions).Append("</cwmp:SupportedCWMPVersions>");
        }

        header.Append("</SOAP-ENV:Header>\n");
        (string Name, string Type, string Value)[] parameters =
        [
            (root + "DeviceInfo.HardwareVersion", "xsd:string", "HW-1.0"),
            (root + "DeviceInfo.SoftwareVersion", "xsd:string", softwareVersion),
            (root + "DeviceInfo.ProvisioningCode", "xsd:string", ""),
            (root + "ManagementServer.ParameterKey", "xsd:string", ""),
            (root + "ManagementServer.ConnectionRequestURL", "xsd:string", connectionRequestUrl),
        ];
        var list = new StringBuilder();
        foreach (var (name, type, value) in parameters)
        {
            list.Append("<ParameterValueStruct><Name>").Append(name).Append("</Name><Value xsi:type=\"").Append(type).Append("\">")
                .Append(value).Append("</Value></ParameterValueStruct>\n");
        }

        return Envelope(
            ns,
            header.ToString(),
            "<cwmp:Inform>\n"
            + $"<DeviceId><Manufacturer>Huawei Technologies Co., Ltd</Manufacturer><OUI>{Oui}</OUI><ProductClass>{ProductClass}</ProductClass><SerialNumber>{serial}</SerialNumber></DeviceId>\n"
            + $"<Event SOAP-ENC:arrayType=\"cwmp:EventStruct[{events.Length}]\">"
            + string.Concat(events.Select(e => $"<EventStruct><EventCode>{e.Code}</EventCode><CommandKey>{e.CommandKey}</CommandKey></EventStruct>"))
            + "</Event>\n"
            + "<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2025-03-01T12:00:00+01:00</CurrentTime><RetryCount>0</RetryCount>\n"
            + $"<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[{parameters.Length}]\">\n{list}</ParameterList>\n"
            + "</cwmp:Inform>");
    }

    public static byte[] GetParameterValuesResponse(string ns, string id, params (string Name, string Type, string Value)[] values)
    {
        var list = new StringBuilder();
        foreach (var (name, type, value) in values)
        {
            list.Append("<ParameterValueStruct><Name>").Append(name).Append("</Name><Value xsi:type=\"").Append(type).Append("\">")
                .Append(value).Append("</Value></ParameterValueStruct>");
        }

        return Envelope(
            ns,
            $"<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">{id}</cwmp:ID></SOAP-ENV:Header>\n",
            $"<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[{values.Length}]\">{list}</ParameterList></cwmp:GetParameterValuesResponse>");
    }

    /// <summary>Any message with a cwmp:ID header; <paramref name="body"/> is the literal SOAP-ENV:Body content.</summary>
    public static byte[] Message(string ns, string id, string body) =>
        Envelope(ns, $"<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">{id}</cwmp:ID></SOAP-ENV:Header>\n", body);

    private static byte[] Envelope(string ns, string header, string body) =>
        Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\""
            + $" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"{ns}\">\n"
            + header
            + "<SOAP-ENV:Body>\n" + body + "\n</SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n");
}
