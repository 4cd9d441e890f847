using Cwmp.Protocol;

namespace Cwmp.Swarm.Tests;

/// <summary>The parameter RPCs answered by a Device:2 device through the mini-ACS.</summary>
public sealed class ParameterRpcTests
{
    private static ParameterValueStruct[] Values(CwmpMessage message) => ((GetParameterValuesResponse)message).ParameterList.AsSpan().ToArray();

    private static ParameterInfoStruct[] Names(CwmpMessage message) => ((GetParameterNamesResponse)message).ParameterList.AsSpan().ToArray();

    [Fact]
    public async Task GetParameterValues_answers_full_names_and_expands_partial_paths()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new GetParameterValues(["Device.DeviceInfo.SerialNumber", "Device.ManagementServer.PeriodicInformInterval", "Device.WiFi.Radio.1.Enable"]),
            new GetParameterValues(["Device.DNS.Client.Server."]),
            new GetParameterValues(["Device.ManagementServer.ConnectionRequestPassword"]));

        Assert.Equal(
            [
                new ParameterValueStruct("Device.DeviceInfo.SerialNumber", "SW0000000000", "xsd:string"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "3600", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.WiFi.Radio.1.Enable", "true", "xsd:boolean"),
            ],
            Values(answers[0]));
        ParameterValueStruct[] dns = Values(answers[1]);
        Assert.Equal(12, dns.Length);
        Assert.Contains(new ParameterValueStruct("Device.DNS.Client.Server.1.DNSServer", "9.9.9.9", "xsd:string"), dns);
        Assert.Contains(new ParameterValueStruct("Device.DNS.Client.Server.2.DNSServer", "149.112.112.112", "xsd:string"), dns);
        Assert.All(dns, p => Assert.StartsWith("Device.DNS.Client.Server.", p.Name, StringComparison.Ordinal));
        Assert.Equal([new ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", string.Empty, "xsd:string")], Values(answers[2]));
    }

    [Fact]
    public async Task GetParameterValues_faults_9005_on_an_unknown_name()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new GetParameterValues(["Device.DeviceInfo.SerialNumber", "Device.DeviceInfo.NoSuchThing"]),
            new GetParameterValues(["Device.NoSuchObject."]));
        Assert.Equal(9005, ((CwmpFault)answers[0]).FaultCode);
        Assert.Equal(9005, ((CwmpFault)answers[1]).FaultCode);
    }

    [Fact]
    public async Task SetParameterValues_is_atomic_with_one_fault_per_bad_parameter()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new SetParameterValues(
                [
                    new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "NewName", "xsd:string"),
                    new ParameterValueStruct("Device.DeviceInfo.SerialNumber", "X", "xsd:string"),
                    new ParameterValueStruct("Device.WiFi.SSID.1.NoSuch", "1", "xsd:string"),
                    new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "true", "xsd:boolean"),
                    new ParameterValueStruct("Device.WiFi.Radio.1.Channel", "abc", "xsd:unsignedInt"),
                    new ParameterValueStruct("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Complete", "xsd:string"),
                ],
                "key-1"),
            new GetParameterValues(["Device.WiFi.SSID.1.SSID", "Device.ManagementServer.ParameterKey"]));

        CwmpFault fault = (CwmpFault)answers[0];
        Assert.Equal(9003, fault.FaultCode);
        Assert.Equal(
            [
                new SetParameterValuesFault("Device.DeviceInfo.SerialNumber", 9008, "Attempt to set a non-writable parameter"),
                new SetParameterValuesFault("Device.WiFi.SSID.1.NoSuch", 9005, "Invalid parameter name"),
                new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", 9006, "Invalid parameter type"),
                new SetParameterValuesFault("Device.WiFi.Radio.1.Channel", 9007, "Invalid parameter value"),
                new SetParameterValuesFault("Device.IP.Diagnostics.IPPing.DiagnosticsState", 9007, "Invalid parameter value"),
            ],
            fault.SetParameterValuesFaults.AsSpan().ToArray());
        Assert.Equal(
            [
                new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "Swarm-0000", "xsd:string"),
                new ParameterValueStruct("Device.ManagementServer.ParameterKey", string.Empty, "xsd:string"),
            ],
            Values(answers[1]));
    }

    [Fact]
    public async Task SetParameterValues_applies_everything_and_takes_the_ParameterKey()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new SetParameterValues(
                [
                    new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "NewName", "xsd:string"),
                    new ParameterValueStruct("Device.WiFi.Radio.1.Channel", "11", "xsd:unsignedInt"),
                    new ParameterValueStruct("Device.WiFi.Radio.2.Enable", "0", "xsd:boolean"),
                    new ParameterValueStruct("Device.ManagementServer.PeriodicInformInterval", "900", "xsd:string"),
                ],
                "key-2"),
            new GetParameterValues(["Device.WiFi.SSID.1.SSID", "Device.WiFi.Radio.1.Channel", "Device.WiFi.Radio.2.Enable", "Device.ManagementServer.PeriodicInformInterval", "Device.ManagementServer.ParameterKey"]));
        Assert.Equal(new SetParameterValuesResponse(0), answers[0]);
        Assert.Equal(
            ["NewName", "11", "false", "900", "key-2"],
            Values(answers[1]).Select(p => p.Value));
    }

    [Fact]
    public async Task SetParameterValues_refuses_a_duplicate_name_and_an_ACS_URL_off_loopback()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new SetParameterValues([new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "a"), new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "b")], "k"),
            new SetParameterValues([new ParameterValueStruct("Device.ManagementServer.URL", "http://192.0.2.1:7547/")], "k"));
        Assert.Equal(9003, ((CwmpFault)answers[0]).FaultCode);
        Assert.True(((CwmpFault)answers[0]).SetParameterValuesFaults.IsEmpty);
        Assert.Equal([new SetParameterValuesFault("Device.ManagementServer.URL", 9007, "Invalid parameter value")], ((CwmpFault)answers[1]).SetParameterValuesFaults.AsSpan().ToArray());
    }

    [Fact]
    public async Task GetParameterNames_next_level_partial_path_and_full_name()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new GetParameterNames(string.Empty, true),
            new GetParameterNames("Device.DNS.Client.Server.", true),
            new GetParameterNames("Device.DNS.Client.Server.2.", false),
            new GetParameterNames("Device.DeviceInfo.SerialNumber", false),
            new GetParameterNames("Device.DeviceInfo.SerialNumber", true),
            new GetParameterNames("Device.NoSuch.", true));

        Assert.Equal([new ParameterInfoStruct("Device.", false)], Names(answers[0]));
        Assert.Equal([new ParameterInfoStruct("Device.DNS.Client.Server.1.", true), new ParameterInfoStruct("Device.DNS.Client.Server.2.", true)], Names(answers[1]));
        Assert.Equal(
            [
                new ParameterInfoStruct("Device.DNS.Client.Server.2.", true),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.Enable", true),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.Status", false),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.Alias", false),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.DNSServer", true),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.Interface", true),
                new ParameterInfoStruct("Device.DNS.Client.Server.2.Type", false),
            ],
            Names(answers[2]));
        Assert.Equal([new ParameterInfoStruct("Device.DeviceInfo.SerialNumber", false)], Names(answers[3]));
        Assert.Equal(9003, ((CwmpFault)answers[4]).FaultCode);
        Assert.Equal(9005, ((CwmpFault)answers[5]).FaultCode);
    }

    [Fact]
    public async Task GetParameterNames_of_the_whole_tree_lists_every_object_and_parameter()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(new GetParameterNames("Device.", false));
        ParameterInfoStruct[] all = Names(answers[0]);
        Assert.Equal(h.Device().Template.Entries.Length, all.Length);
        Assert.True(all.Count(p => !p.Name.EndsWith('.')) >= 500);
        Assert.Equal("Device.", all[0].Name);
    }

    [Fact]
    public async Task AddObject_and_DeleteObject_number_instances_and_never_reuse_them()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new AddObject("Device.NAT.PortMapping.", "add-1"),
            new SetParameterValues([new ParameterValueStruct("Device.NAT.PortMapping.3.ExternalPort", "2222", "xsd:unsignedInt")], "set-1"),
            new GetParameterValues(["Device.NAT.PortMapping.3.Enable", "Device.NAT.PortMapping.3.ExternalPort", "Device.NAT.PortMapping.3.Alias"]),
            new DeleteObject("Device.NAT.PortMapping.1.", "del-1"),
            new GetParameterValues(["Device.NAT.PortMapping.1.Enable"]),
            new GetParameterNames("Device.NAT.PortMapping.", true),
            new AddObject("Device.NAT.PortMapping.", "add-2"),
            new DeleteObject("Device.NAT.PortMapping.3.", "del-2"),
            new AddObject("Device.Hosts.Host.", "add-3"),
            new DeleteObject("Device.NAT.PortMapping.9.", "del-3"),
            new AddObject("Device.IP.Interface.", "add-4"),
            new AddObject("Device.IP.Interface.3.IPv4Address.", "add-5"),
            new GetParameterValues(["Device.ManagementServer.ParameterKey", "Device.IP.Interface.3.IPv4Address.1.Enable"]));

        Assert.Equal(new AddObjectResponse(3, 0), answers[0]);
        Assert.Equal(new SetParameterValuesResponse(0), answers[1]);
        Assert.Equal(["false", "2222", "cpe-3"], Values(answers[2]).Select(p => p.Value));
        Assert.Equal(new DeleteObjectResponse(0), answers[3]);
        Assert.Equal(9005, ((CwmpFault)answers[4]).FaultCode);
        Assert.Equal([new ParameterInfoStruct("Device.NAT.PortMapping.2.", true), new ParameterInfoStruct("Device.NAT.PortMapping.3.", true)], Names(answers[5]));
        Assert.Equal(new AddObjectResponse(4, 0), answers[6]);
        Assert.Equal(new DeleteObjectResponse(0), answers[7]);
        Assert.Equal(9005, ((CwmpFault)answers[8]).FaultCode);
        Assert.Equal(9005, ((CwmpFault)answers[9]).FaultCode);
        Assert.Equal(new AddObjectResponse(3, 0), answers[10]);
        Assert.Equal(new AddObjectResponse(1, 0), answers[11]);
        Assert.Equal(["add-5", "true"], Values(answers[12]).Select(p => p.Value));
    }

    [Fact]
    public async Task SetParameterAttributes_and_GetParameterAttributes()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 2, true, ["Subscriber"])]),
            new GetParameterAttributes(["Device.WiFi.SSID.1.SSID", "Device.DeviceInfo.SoftwareVersion", "Device.WiFi.Radio.1.Channel"]),
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.DeviceInfo.UpTime", true, 2, false, [])]),
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 0, false, [])]),
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.DNS.Client.Server.1.", true, 1, false, [])]),
            new GetParameterAttributes(["Device.DNS.Client.Server.1."]),
            new SetParameterAttributes([new SetParameterAttributesStruct("Device.NoSuch", true, 1, false, [])]));

        Assert.Equal(new SetParameterAttributesResponse(), answers[0]);
        Assert.Equal(
            [
                new ParameterAttributeStruct("Device.WiFi.SSID.1.SSID", 2, ["Subscriber"]),
                new ParameterAttributeStruct("Device.DeviceInfo.SoftwareVersion", 2, []),
                new ParameterAttributeStruct("Device.WiFi.Radio.1.Channel", 0, []),
            ],
            ((GetParameterAttributesResponse)answers[1]).ParameterList.AsSpan().ToArray());
        Assert.Equal(9009, ((CwmpFault)answers[2]).FaultCode);
        Assert.Equal(9009, ((CwmpFault)answers[3]).FaultCode);
        Assert.Equal(new SetParameterAttributesResponse(), answers[4]);
        Assert.All(((GetParameterAttributesResponse)answers[5]).ParameterList.AsSpan().ToArray(), a => Assert.Equal(1, a.Notification));
        Assert.Equal(6, ((GetParameterAttributesResponse)answers[5]).ParameterList.Count);
        Assert.Equal(9005, ((CwmpFault)answers[6]).FaultCode);
    }

    [Fact]
    public async Task GetRPCMethods_and_unsupported_methods()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        IReadOnlyList<CwmpMessage> answers = await h.RunRpcsAsync(
            new GetRPCMethods(),
            new ChangeDUState([new InstallOperation("http://127.0.0.1/du.ipk")]),
            new SetVouchers(["AAAA"]),
            new GetOptions("x"));
        Assert.Equal(
            new GetRPCMethodsResponse(
            [
                "GetRPCMethods", "SetParameterValues", "GetParameterValues", "GetParameterNames", "SetParameterAttributes",
                "GetParameterAttributes", "AddObject", "DeleteObject", "Reboot", "Download", "Upload", "FactoryReset",
                "GetQueuedTransfers", "ScheduleInform", "GetAllQueuedTransfers", "ScheduleDownload", "CancelTransfer",
            ]),
            answers[0]);
        Assert.Equal([9000, 9000, 9000], answers.Skip(1).Select(a => ((CwmpFault)a).FaultCode));
    }
}
