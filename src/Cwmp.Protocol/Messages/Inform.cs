using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>Inform (TR-069 A.3.3.1): the first message of every session, CPE to ACS.</summary>
public sealed record Inform(
    DeviceIdStruct DeviceId,
    EquatableArray<EventStruct> Events,
    uint MaxEnvelopes,
    CwmpDateTime CurrentTime,
    uint RetryCount,
    EquatableArray<ParameterValueStruct> ParameterList) : CwmpRequest
{
    public override string MethodName => "Inform";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Raw("<DeviceId>"u8);
        writer.Element("Manufacturer"u8, DeviceId.Manufacturer);
        writer.Element("OUI"u8, DeviceId.Oui);
        writer.Element("ProductClass"u8, DeviceId.ProductClass);
        writer.Element("SerialNumber"u8, DeviceId.SerialNumber);
        writer.Raw("</DeviceId>"u8);
        writer.StructArray("Event"u8, "cwmp:EventStruct"u8, Events, EventStruct.Write);
        writer.Element("MaxEnvelopes"u8, MaxEnvelopes);
        writer.Element("CurrentTime"u8, CurrentTime);
        writer.Element("RetryCount"u8, RetryCount);
        writer.StructArray("ParameterList"u8, "cwmp:ParameterValueStruct"u8, ParameterList, ParameterValueStruct.Write);
    }

    internal static Inform Read(CwmpElementReader reader)
    {
        DeviceIdStruct? deviceId = null;
        EquatableArray<EventStruct> events = default;
        uint maxEnvelopes = 1;
        CwmpDateTime currentTime = default;
        uint retryCount = 0;
        EquatableArray<ParameterValueStruct> parameters = default;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "DeviceId":
                        deviceId = ReadDeviceId(reader);
                        break;
                    case "Event":
                        events = reader.ReadArray(EventStruct.Read, reader.Options.MaxInformEvents);
                        break;
                    case "MaxEnvelopes":
                        maxEnvelopes = reader.ReadUInt();
                        break;
                    case "CurrentTime":
                        currentTime = reader.ReadDateTime();
                        break;
                    case "RetryCount":
                        retryCount = reader.ReadUInt();
                        break;
                    case "ParameterList":
                        parameters = reader.ReadArray(ParameterValueStruct.Read, reader.Options.MaxInformParameters);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        return new Inform(deviceId ?? throw reader.Missing("DeviceId", "Inform"), events, maxEnvelopes, currentTime, retryCount, parameters);
    }

    private static DeviceIdStruct ReadDeviceId(CwmpElementReader reader)
    {
        string manufacturer = string.Empty, oui = string.Empty, productClass = string.Empty, serialNumber = string.Empty;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "Manufacturer": manufacturer = reader.ReadString(); break;
                    case "OUI": oui = reader.ReadToken(); break;
                    case "ProductClass": productClass = reader.ReadString(); break;
                    case "SerialNumber": serialNumber = reader.ReadString(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        if (oui.Length == 0 || serialNumber.Length == 0)
        {
            throw reader.Fail(CwmpParseError.MissingElement, "DeviceId needs an OUI and a SerialNumber.");
        }

        return new DeviceIdStruct(manufacturer, oui, productClass, serialNumber);
    }
}
