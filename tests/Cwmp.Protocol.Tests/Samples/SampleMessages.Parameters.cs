using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

internal static partial class SampleMessages
{
    private const string Tricky = "  a&b<c>d\"e  ";

    private static IEnumerable<CwmpMessage> Parameters() =>
    [
        new SetParameterValues(
            [
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "3600", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", "xsd:boolean"),
                new ParameterValueStruct("Device.X_Vendor.Offset", "-2147483648", "xsd:int"),
                new ParameterValueStruct("Device.X_Vendor.BytesSent", "-9223372036854775808", "xsd:long"),
                new ParameterValueStruct("Device.IP.Interface.1.Stats.BytesReceived", "18446744073709551615", "xsd:unsignedLong"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformTime", "2026-11-24T10:15:30Z", "xsd:dateTime"),
                new ParameterValueStruct("Device.X_Vendor.Certificate", "AAECAwQ=", "xsd:base64Binary"),
                new ParameterValueStruct("Device.X_Vendor.MacMask", "00E0FCFF", "xsd:hexBinary"),
                new ParameterValueStruct("Device.X_Vendor.Ratio", "-12.50", "xsd:decimal"),
                new ParameterValueStruct("Device.DeviceInfo.ProvisioningCode", Tricky, "xsd:string"),
                new ParameterValueStruct("Device.X_Vendor.Empty", "", "xsd:string"),
            ],
            "key&<>\""),
        new SetParameterValues([], ""),
        new SetParameterValuesResponse(0),
        new SetParameterValuesResponse(1),
        new GetParameterValues(["Device.DeviceInfo.", "Device.ManagementServer.URL", "Device.X_Vendor.&<>\""]),
        new GetParameterValues([""]),
        new GetParameterValuesResponse(
            [
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.SoftwareVersion", Tricky, "xsd:string"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.UpTime", "86400", "xsd:unsignedInt"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformEnable", "0", "xsd:boolean"),
                new ParameterValueStruct("InternetGatewayDevice.Time.CurrentLocalTime", "0001-01-01T00:00:00Z", "xsd:dateTime"),
                new ParameterValueStruct("InternetGatewayDevice.X_Vendor.Temperature", "-5", "xsd:int"),
            ]),
        new GetParameterValuesResponse([]),
        new GetParameterNames("Device.IP.Interface.", true),
        new GetParameterNames("", false),
        new GetParameterNamesResponse(
            [
                new ParameterInfoStruct("Device.IP.Interface.", true),
                new ParameterInfoStruct("Device.IP.Interface.1.", false),
                new ParameterInfoStruct("Device.IP.Interface.1.Enable", true),
                new ParameterInfoStruct("Device.IP.Interface.1.X_Vendor_&<>\"", false),
            ]),
        new GetParameterNamesResponse([]),
        new SetParameterAttributes(
            [
                new SetParameterAttributesStruct("Device.ManagementServer.ConnectionRequestURL", true, ParameterNotification.Active, true, ["Subscriber"]),
                new SetParameterAttributesStruct("Device.DeviceInfo.", true, ParameterNotification.Passive, false, []),
                new SetParameterAttributesStruct("Device.X_Vendor.&<>\"", false, ParameterNotification.Off, true, []),
            ]),
        new SetParameterAttributes(
            [
                new SetParameterAttributesStruct("Device.WiFi.Radio.1.Stats.Noise", true, ParameterNotification.ActiveLightweight, false, []),
                new SetParameterAttributesStruct("Device.WiFi.Radio.1.Channel", true, ParameterNotification.PassiveWithActiveLightweight, false, ["Subscriber"]),
            ]),
        new SetParameterAttributesResponse(),
        new GetParameterAttributes(["Device.ManagementServer.", "Device.DeviceInfo.SoftwareVersion", "Device.X_Vendor.&<>\""]),
        new GetParameterAttributesResponse(
            [
                new ParameterAttributeStruct("Device.DeviceInfo.SoftwareVersion", ParameterNotification.Active, []),
                new ParameterAttributeStruct("Device.ManagementServer.PeriodicInformInterval", ParameterNotification.Passive, ["Subscriber"]),
                new ParameterAttributeStruct("Device.X_Vendor.&<>\"", ParameterNotification.Off, []),
            ]),
        new GetParameterAttributesResponse([]),
        new GetParameterAttributesResponse([new ParameterAttributeStruct("Device.WiFi.Radio.1.Stats.Noise", ParameterNotification.PassiveLightweight, [])]),
        new AddObject("Device.NAT.PortMapping.", "key&<>\""),
        new AddObject("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.", ""),
        new AddObjectResponse(7, 0),
        new AddObjectResponse(uint.MaxValue, 1),
        new DeleteObject("Device.NAT.PortMapping.7.", "key&<>\""),
        new DeleteObject("Device.NAT.PortMapping.1.", ""),
        new DeleteObjectResponse(0),
        new DeleteObjectResponse(1),
    ];
}
