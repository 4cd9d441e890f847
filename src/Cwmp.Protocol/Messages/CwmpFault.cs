using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// A SOAP fault carrying a CWMP fault (TR-069 A.3.1, cwmp-1-2.xsd Fault): answers a request in either direction.
/// Written as soap-env:Fault{faultcode, faultstring "CWMP fault", detail/cwmp:Fault{FaultCode, FaultString,
/// SetParameterValuesFault*}}.
/// </summary>
public sealed record CwmpFault(int FaultCode, string? FaultString) : CwmpMessage
{
    /// <summary>"Client" or "Server" (without a prefix, as TR-069 shows it).</summary>
    public string SoapFaultCode { get; init; } = FaultCodes.SoapFaultCodeFor(FaultCode);

    public string SoapFaultString { get; init; } = "CWMP fault";

    /// <summary>Per-parameter faults of a failed SetParameterValues (with fault code 9003).</summary>
    public EquatableArray<SetParameterValuesFault> SetParameterValuesFaults { get; init; }

    public override string MethodName => "Fault";

    public override CwmpVersion MinimumVersion =>
        SetParameterValuesFaults.AsSpan().ToArray().Select(f => FaultCodes.MinimumVersion(f.FaultCode)).Append(FaultCodes.MinimumVersion(FaultCode)).Max();

    /// <summary>A fault with the standard text of its code.</summary>
    public static CwmpFault Create(int faultCode, string? faultString = null) =>
        new(faultCode, faultString ?? FaultCodes.Describe(faultCode));

    internal override void WriteBody(CwmpXmlWriter writer)
    {
        writer.Raw("<soap-env:Fault>"u8);
        writer.Element("faultcode"u8, SoapFaultCode);
        writer.Element("faultstring"u8, SoapFaultString);
        writer.Raw("<detail>"u8);
        writer.StartRpc("Fault");
        WriteContent(writer);
        writer.EndRpc("Fault");
        writer.Raw("</detail></soap-env:Fault>"u8);
    }

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("FaultCode"u8, FaultCode);
        writer.OptionalElement("FaultString"u8, FaultString);
        foreach (SetParameterValuesFault fault in SetParameterValuesFaults)
        {
            writer.StartElement("SetParameterValuesFault"u8);
            writer.Element("ParameterName"u8, fault.ParameterName);
            writer.Element("FaultCode"u8, fault.FaultCode);
            writer.OptionalElement("FaultString"u8, fault.FaultString);
            writer.EndElement("SetParameterValuesFault"u8);
        }
    }

    /// <summary>Reads soap-env:Fault (positioned on it).</summary>
    internal static CwmpFault Read(CwmpElementReader reader)
    {
        string soapCode = SoapFaultCodes.Client;
        string soapString = string.Empty;
        CwmpFault? detail = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "faultcode":
                        string code = reader.ReadToken();
                        // "soap-env:Client", "Client.Authentication" … keep the SOAP class.
                        int colon = code.LastIndexOf(':');
                        soapCode = colon >= 0 ? code[(colon + 1)..] : code;
                        break;
                    case "faultstring":
                        soapString = reader.ReadString();
                        break;
                    case "detail":
                        if (reader.EnterElement())
                        {
                            while (reader.NextChild())
                            {
                                if (reader.LocalName == "Fault" && detail is null)
                                {
                                    detail = ReadDetail(reader);
                                }
                                else
                                {
                                    reader.Skip();
                                }
                            }
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        // A SOAP fault without a cwmp:Fault detail is still a fault; 8002/9002 "internal error" is the honest reading.
        detail ??= new CwmpFault(soapCode == SoapFaultCodes.Server ? FaultCodes.CpeInternalError : FaultCodes.CpeRequestDenied, soapString);
        return detail with { SoapFaultCode = soapCode, SoapFaultString = soapString };
    }

    private static CwmpFault ReadDetail(CwmpElementReader reader)
    {
        int? faultCode = null;
        string? faultString = null;
        List<SetParameterValuesFault>? parameterFaults = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "FaultCode":
                        faultCode = reader.ReadInt();
                        break;
                    case "FaultString":
                        faultString = reader.ReadString();
                        break;
                    case "SetParameterValuesFault":
                        parameterFaults ??= [];
                        if (parameterFaults.Count >= reader.Options.MaxArrayLength)
                        {
                            throw reader.Fail(CwmpParseError.ArrayTooLong, "Too many SetParameterValuesFault elements.");
                        }

                        parameterFaults.Add(SetParameterValuesFault.Read(reader));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        return new CwmpFault(faultCode ?? throw reader.Missing("FaultCode", "Fault"), faultString)
        {
            SetParameterValuesFaults = parameterFaults is null ? default : new EquatableArray<SetParameterValuesFault>([.. parameterFaults]),
        };
    }
}

/// <summary>One parameter's fault inside a SetParameterValues fault.</summary>
public sealed record SetParameterValuesFault(string ParameterName, int FaultCode, string? FaultString)
{
    internal static SetParameterValuesFault Read(CwmpElementReader reader)
    {
        string? name = null;
        int? code = null;
        string? text = null;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "ParameterName": name = reader.ReadString(); break;
                    case "FaultCode": code = reader.ReadInt(); break;
                    case "FaultString": text = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new SetParameterValuesFault(
            name ?? throw reader.Missing("ParameterName", "SetParameterValuesFault"),
            code ?? throw reader.Missing("FaultCode", "SetParameterValuesFault"),
            text);
    }
}
