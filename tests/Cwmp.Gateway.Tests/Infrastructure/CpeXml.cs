namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>Envelopes written the way CPEs write them: SOAP-ENV prefixes, an XML declaration, cwmp-1-0 unless told.</summary>
internal static class CpeXml
{
    public const string Oui = "00D09E";
    public const string ProductClass = "Gateway";
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    public const string Cwmp10 = "urn:dslforum-org:cwmp-1-0";

    public static string DeviceKeyOf(string serial) => $"{Oui}-{ProductClass}-{serial}";

    public static string Inform(string serial, string id = "1", string manufacturer = "Acme", string retryCount = "0", string ns = Cwmp10, string declaration = Declaration) =>
        Open(ns, declaration)
        + $"<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">{id}</cwmp:ID></SOAP-ENV:Header>\n"
        + "<SOAP-ENV:Body><cwmp:Inform>"
        + $"<DeviceId><Manufacturer>{manufacturer}</Manufacturer><OUI>{Oui}</OUI><ProductClass>{ProductClass}</ProductClass><SerialNumber>{serial}</SerialNumber></DeviceId>"
        + "<Event SOAP-ENC:arrayType=\"cwmp:EventStruct[1]\"><EventStruct><EventCode>2 PERIODIC</EventCode><CommandKey></CommandKey></EventStruct></Event>"
        + $"<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2025-01-01T00:00:00Z</CurrentTime><RetryCount>{retryCount}</RetryCount>"
        + "<ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[1]\"><ParameterValueStruct><Name>Device.ManagementServer.ConnectionRequestURL</Name>"
        + "<Value xsi:type=\"xsd:string\">http://192.0.2.1:7547/</Value></ParameterValueStruct></ParameterList>"
        + "</cwmp:Inform></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static string GetParameterValuesResponse(string id = "gpv-1", string ns = Cwmp10) =>
        Open(ns, Declaration)
        + $"<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">{id}</cwmp:ID></SOAP-ENV:Header>\n"
        + "<SOAP-ENV:Body><cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[1]\">"
        + "<ParameterValueStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><Value xsi:type=\"xsd:string\">1.2.3</Value></ParameterValueStruct>"
        + "</ParameterList></cwmp:GetParameterValuesResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    private static string Open(string ns, string declaration) =>
        declaration
        + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\""
        + $" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"{ns}\">\n";
}
