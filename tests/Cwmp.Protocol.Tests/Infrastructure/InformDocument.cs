using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Infrastructure;

/// <summary>Inform envelopes written by hand, the way CPEs write them, for tests of the parser's reading of values.</summary>
internal static class InformDocument
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    public static string With(string parameters, string manufacturer = "Acme", string retryCount = "0") =>
        "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" " +
        "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\">" +
        "<SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand=\"1\">id-1</cwmp:ID></SOAP-ENV:Header><SOAP-ENV:Body><cwmp:Inform>" +
        $"<DeviceId><Manufacturer>{manufacturer}</Manufacturer><OUI>00D09E</OUI><ProductClass>PC</ProductClass><SerialNumber>SN1</SerialNumber></DeviceId>" +
        "<Event SOAP-ENC:arrayType=\"cwmp:EventStruct[1]\"><EventStruct><EventCode>2 PERIODIC</EventCode><CommandKey></CommandKey></EventStruct></Event>" +
        $"<MaxEnvelopes>1</MaxEnvelopes><CurrentTime>2025-01-01T00:00:00Z</CurrentTime><RetryCount>{retryCount}</RetryCount>" +
        $"<ParameterList>{parameters}</ParameterList></cwmp:Inform></SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static string Parameter(string name, string value, string valueAttributes = " xsi:type=\"xsd:string\"") =>
        $"<ParameterValueStruct><Name>{name}</Name><Value{valueAttributes}>{value}</Value></ParameterValueStruct>";

    public static Inform Parse(string xml, CwmpParserOptions? options = null) => Parse(Encoding.UTF8.GetBytes(xml), options);

    public static Inform Parse(byte[] body, CwmpParserOptions? options = null, Encoding? charset = null) =>
        Assert.IsType<Inform>(CwmpParser.Parse(body, options, charset)?.Body);
}
