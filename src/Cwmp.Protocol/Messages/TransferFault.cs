using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// The outcome of a file transfer (cwmp-1-2.xsd TransferCompleteFaultStruct, cwmp-1-0/1-1 FaultStruct): fault code 0
/// with an empty string on success, otherwise a 90xx transfer fault with its text.
/// </summary>
public sealed record TransferFault(int FaultCode, string FaultString)
{
    /// <summary>The transfer succeeded: code 0, empty string.</summary>
    public static TransferFault None { get; } = new(0, string.Empty);

    public bool IsFault => FaultCode != 0;

    /// <summary>
    /// The first version whose schema admits the code here. 1.0 lists only 0, 9001, 9002 and 9010–9012; 1.1 opened
    /// 9014–9899 (1.2 then closed 9021–9032 again, which no version after 1.1 admits). Codes no schema admits report
    /// 1.0, since no version is better.
    /// </summary>
    internal CwmpVersion MinimumVersion => FaultCode switch
    {
        >= 9014 and <= 9899 => CwmpVersion.Version11,
        _ => CwmpVersion.Version10,
    };

    /// <summary>A fault with the standard text of its code.</summary>
    public static TransferFault Create(int faultCode, string? faultString = null) =>
        faultCode == 0 && faultString is null ? None : new(faultCode, faultString ?? FaultCodes.Describe(faultCode));

    internal void Write(CwmpXmlWriter writer, ReadOnlySpan<byte> elementName)
    {
        writer.StartElement(elementName);
        writer.Element("FaultCode"u8, FaultCode);
        writer.Element("FaultString"u8, FaultString);
        writer.EndElement(elementName);
    }

    internal static TransferFault Read(CwmpElementReader reader)
    {
        int faultCode = 0;
        string faultString = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "FaultCode": faultCode = reader.ReadInt(); break;
                    case "FaultString": faultString = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return faultCode == 0 && faultString.Length == 0 ? None : new TransferFault(faultCode, faultString);
    }
}
