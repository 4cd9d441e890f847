using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>How each answer changes the cached parameter tree, in the grain and in the store.</summary>
[Collection(ClusterTests.Name)]
public sealed class CachedTreeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Get_parameter_values_caches_values_and_types_as_reported()
    {
        var cpe = new Cpe(fixture, "C-GPV");

        await RunAsync(cpe, "acs-getparametervalues.xml", "getparametervaluesresponse.xml");

        IReadOnlyList<CachedParameter> cached = await cpe.Grain.GetParametersAsync("Device.WiFi.");
        Assert.Equal(
            [
                new CachedParameter("Device.WiFi.Radio.1.Channel", "36", "xsd:unsignedInt", null, null, null, fixture.Time.GetUtcNow()),
                new CachedParameter("Device.WiFi.Radio.1.Enable", "1", "xsd:boolean", null, null, null, fixture.Time.GetUtcNow()),
                new CachedParameter("Device.WiFi.SSID.1.SSID", " spaced ", "xsd:string", null, null, null, fixture.Time.GetUtcNow()),
            ],
            cached);
        Assert.Equal(cached[2], fixture.Parameters.Snapshot(cpe.DeviceKey)["Device.WiFi.SSID.1.SSID"]);
    }

    [Fact]
    public async Task Set_parameter_values_caches_the_values_it_set()
    {
        var cpe = new Cpe(fixture, "C-SPV");

        await RunAsync(cpe, "acs-setparametervalues.xml", "setparametervaluesresponse.xml");

        Assert.Equal(
            [("Device.ManagementServer.PeriodicInformEnable", "1", "xsd:boolean"), ("Device.ManagementServer.PeriodicInformInterval", "300", "xsd:unsignedInt")],
            (await cpe.Grain.GetParametersAsync("Device.ManagementServer.PeriodicInform")).Select(p => (p.Name, p.Value, p.Type)));
    }

    [Fact]
    public async Task Get_parameter_names_sets_writable_and_drops_children_the_cpe_no_longer_has()
    {
        var cpe = new Cpe(fixture, "C-GPN");
        await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.Gone.X", "1"), new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "a")]);

        // GetParameterNames("Device.", NextLevel=1) answered with Device.WiFi., Device.WiFi.SSID., Device.WiFi.RadioNumberOfEntries.
        await RunAsync(cpe, "acs-getparameternames.xml", "getparameternamesresponse.xml");

        IReadOnlyList<CachedParameter> tree = await cpe.Grain.GetParametersAsync("Device.");
        Assert.Equal(
            [
                ("Device.WiFi.", (bool?)false),
                ("Device.WiFi.RadioNumberOfEntries", false),
                ("Device.WiFi.SSID.", true),
                ("Device.WiFi.SSID.1.SSID", null),
            ],
            tree.Select(p => (p.Name, p.Writable)));
        Assert.False(fixture.Parameters.Snapshot(cpe.DeviceKey).ContainsKey("Device.Gone.X"));
    }

    [Fact]
    public async Task Attributes_are_cached_from_get_and_set_parameter_attributes()
    {
        var cpe = new Cpe(fixture, "C-ATTRIBUTES");

        await RunAsync(cpe, "acs-getparameterattributes.xml", "getparameterattributesresponse.xml");
        CachedParameter ssid = (await cpe.Grain.GetParametersAsync("Device.WiFi.SSID.1.SSID")).Single();
        Assert.Equal(0, ssid.Notification);
        Assert.Equal(["Subscriber"], ssid.AccessList!);
        Assert.Equal(2, (await cpe.Grain.GetParametersAsync("Device.DeviceInfo.SoftwareVersion")).Single().Notification);

        await cpe.Grain.EnqueueAsync(new EnqueueRequest([new SetParameterAttributes([new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 1, true, [])])]));
        await cpe.InformAsync();
        await cpe.AnswerAsync(await cpe.EmptyAsync(), "setparameterattributesresponse.xml");

        ssid = (await cpe.Grain.GetParametersAsync("Device.WiFi.SSID.1.SSID")).Single();
        Assert.Equal(1, ssid.Notification);
        Assert.Empty(ssid.AccessList!);
    }

    [Fact]
    public async Task Add_object_caches_the_new_instance_and_delete_object_drops_its_subtree()
    {
        var cpe = new Cpe(fixture, "C-OBJECTS");

        // AddObject("Device.NAT.PortMapping.") answered with instance 3.
        await RunAsync(cpe, "acs-addobject.xml", "addobjectresponse.xml");
        Assert.Equal(["Device.NAT.PortMapping.3."], (await cpe.Grain.GetParametersAsync("Device.NAT.")).Select(p => p.Name));

        await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.NAT.PortMapping.3.Enable", "true", "xsd:boolean"), new ParameterValueStruct("Device.NAT.PortMapping.30.Enable", "false", "xsd:boolean")]);

        // DeleteObject("Device.NAT.PortMapping.3.").
        await RunAsync(cpe, "acs-deleteobject.xml", "deleteobjectresponse.xml");

        Assert.Equal(["Device.NAT.PortMapping.30.Enable"], (await cpe.Grain.GetParametersAsync("Device.NAT.")).Select(p => p.Name));
        Assert.Equal(
            ["Device.NAT.PortMapping.30.Enable"],
            fixture.Parameters.Snapshot(cpe.DeviceKey).Keys.Where(k => k.StartsWith("Device.NAT.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Parameters_are_found_by_prefix()
    {
        var cpe = new Cpe(fixture, "C-PREFIX");
        await cpe.PeriodicSessionAsync();

        Assert.Equal(
            ["Device.ManagementServer.AliasBasedAddressing", "Device.ManagementServer.ConnectionRequestURL", "Device.ManagementServer.ParameterKey"],
            (await cpe.Grain.GetParametersAsync("Device.ManagementServer.")).Select(p => p.Name));
        Assert.Empty(await cpe.Grain.GetParametersAsync("InternetGatewayDevice."));
    }

    private static async Task RunAsync(Cpe cpe, string requestFile, string answerFile)
    {
        await cpe.Grain.EnqueueAsync(new EnqueueRequest([(CwmpRequest)CorpusFiles.Envelope(requestFile).Body]));
        await cpe.InformAsync();
        SessionReply end = await cpe.AnswerAsync(await cpe.EmptyAsync(), answerFile);
        Assert.Equal(SessionReplyKind.EndSession, end.Kind);
    }
}
