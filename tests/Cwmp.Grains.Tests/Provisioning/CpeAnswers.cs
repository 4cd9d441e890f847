using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Provisioning;

/// <summary>CPE answers written out as the exact SOAP a CPE sends (for answers the corpus has no file for).</summary>
internal static class CpeAnswers
{
    private const string Head = """<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><SOAP-ENV:Header><cwmp:ID SOAP-ENV:mustUnderstand="1">""";

    /// <summary>A GetParameterValuesResponse with (name, xsd type, value) triples.</summary>
    public static CwmpEnvelope Values(SessionReply request, params (string Name, string Type, string Value)[] values)
    {
        string items = string.Concat(values.Select(v => $"<ParameterValueStruct><Name>{v.Name}</Name><Value xsi:type=\"{v.Type}\">{v.Value}</Value></ParameterValueStruct>"));
        return Parse(request, $"<cwmp:GetParameterValuesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterValueStruct[{values.Length}]\">{items}</ParameterList></cwmp:GetParameterValuesResponse>");
    }

    /// <summary>A GetParameterNamesResponse with (name, writable) pairs.</summary>
    public static CwmpEnvelope Names(SessionReply request, params (string Name, bool Writable)[] names)
    {
        string items = string.Concat(names.Select(n => $"<ParameterInfoStruct><Name>{n.Name}</Name><Writable>{(n.Writable ? "1" : "0")}</Writable></ParameterInfoStruct>"));
        return Parse(request, $"<cwmp:GetParameterNamesResponse><ParameterList SOAP-ENC:arrayType=\"cwmp:ParameterInfoStruct[{names.Length}]\">{items}</ParameterList></cwmp:GetParameterNamesResponse>");
    }

    private static CwmpEnvelope Parse(SessionReply request, string body) =>
        CwmpParser.Parse(Encoding.UTF8.GetBytes($"{Head}{request.Envelope!.Header.Id}</cwmp:ID></SOAP-ENV:Header><SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>"))
        ?? throw new InvalidOperationException("Empty envelope.");
}
