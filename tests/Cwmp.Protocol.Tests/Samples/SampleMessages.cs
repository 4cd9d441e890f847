using Cwmp.Protocol;

namespace Cwmp.Protocol.Tests.Samples;

/// <summary>
/// A fully populated instance of every message type (every optional element set, lists with several items) plus
/// edge variants (empty lists, empty strings, unknown times). The schema and round-trip tests run over all of them,
/// in every CWMP version that defines the message. Each message family adds its own in a partial file.
/// </summary>
internal static partial class SampleMessages
{
    public static IEnumerable<CwmpMessage> All() =>
        Session().Concat(CpeRequests()).Concat(Parameters()).Concat(Transfers()).Concat(Faults());

    public static TheoryData<string, string> ByVersion()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<string>();
        foreach (CwmpMessage message in All())
        {
            foreach (CwmpVersion version in CwmpVersion.All.Where(v => v >= message.MinimumVersion))
            {
                string key = Key(message);
                data.Add(key, version.ToString());
                seen.Add(key);
            }
        }

        return data;
    }

    /// <summary>A stable, unique name for a sample: its method name and its index among samples of that method.</summary>
    public static string Key(CwmpMessage message)
    {
        int index = All().Where(m => m.MethodName == message.MethodName && m.GetType() == message.GetType())
            .TakeWhile(m => !ReferenceEquals(m, message) && m != message).Count();
        return $"{message.GetType().Name}#{index}";
    }

    public static CwmpMessage Get(string key) => All().First(m => Key(m) == key);

    private static IEnumerable<CwmpMessage> Session() =>
    [
        new Inform(
            new DeviceIdStruct("Huawei Technologies Co., Ltd", "00E0FC", "BM632w", "SN-0001&<>\"'"),
            [new EventStruct(EventCodes.Boot), new EventStruct(EventCodes.MReboot, "reboot-42"), new EventStruct("X 00E0FC Vendor", "")],
            1,
            CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 15, 30, TimeSpan.Zero)),
            3,
            [
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V100R001C00SPC010", "xsd:string"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "3600", "xsd:unsignedInt"),
                new ParameterValueStruct("InternetGatewayDevice.ManagementServer.PeriodicInformEnable", "true", "xsd:boolean"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.UpTime", "-1", "xsd:int"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.FirstUseDate", "2026-01-01T00:00:00Z", "xsd:dateTime"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.X_Blob", "AAEC", "xsd:base64Binary"),
                new ParameterValueStruct("InternetGatewayDevice.DeviceInfo.ProvisioningCode", "", "xsd:string"),
            ]),
        new Inform(new DeviceIdStruct("", "00D09E", "", "1"), [], 1, CwmpDateTime.Unknown, 0, []),
        new InformResponse(),
        new GetRPCMethods(),
        new GetRPCMethodsResponse(["Inform", "GetRPCMethods", "TransferComplete"]),
    ];

    private static IEnumerable<CwmpMessage> Faults() =>
    [
        CwmpFault.Create(FaultCodes.MethodNotSupported),
        CwmpFault.Create(FaultCodes.AcsVersionIncompatible),
        CwmpFault.Create(FaultCodes.RetryRequest),
        CwmpFault.Create(FaultCodes.CpeInvalidArguments) with
        {
            SetParameterValuesFaults =
            [
                new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", FaultCodes.InvalidParameterValue, "Invalid parameter value"),
                new SetParameterValuesFault("Device.DeviceInfo.SerialNumber", FaultCodes.NonWritableParameter, null),
            ],
        },
        new CwmpFault(9850, null),
    ];
}
