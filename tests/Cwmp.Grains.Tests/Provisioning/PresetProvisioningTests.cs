using Cwmp.Grains.Presets;
using Cwmp.Grains.Subscribers;
using Cwmp.Grains.Tests.Devices;
using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Provisioning;

/// <summary>Presets, first contact and subscribers, driven by the bytes a CPE sends, session by session.</summary>
[Collection(ProvisioningClusterTests.Name)]
public sealed class PresetProvisioningTests(ProvisioningClusterFixture fixture)
{
    private const string Interval = "Device.ManagementServer.PeriodicInformInterval";

    private IPresetRegistryGrain Registry => fixture.Grains.GetGrain<IPresetRegistryGrain>(IPresetRegistryGrain.Key);

    [Fact]
    public async Task A_preset_converges_in_one_session_and_sends_nothing_the_second_time()
    {
        Cpe cpe = await KnownDeviceWithTagAsync("P-CONVERGE", "converge");
        await Registry.PutAsync(new Preset
        {
            Name = "converge",
            Criteria = new PresetCriteria { Tags = ["converge"] },
            Triggers = new PresetTriggers { Events = [EventCodes.Boot, EventCodes.Periodic] },
            Actions = new PresetActions { Values = [new ParameterSetting(Interval, "300"), new ParameterSetting("Device.X_EXAMPLE_Mode", "eco")] },
        });
        try
        {
            await cpe.InformAsync();

            // The vendor parameter's type is unknown: it is read first, then both values go in one SPV.
            SessionReply read = await cpe.EmptyAsync();
            Assert.Equal(["Device.X_EXAMPLE_Mode"], Assert.IsType<GetParameterValues>(read.Envelope!.Body).ParameterNames);
            SessionReply set = await cpe.PostAsync(CpeAnswers.Values(read, ("Device.X_EXAMPLE_Mode", "xsd:string", "normal")));
            Assert.Equal(
                [new ParameterValueStruct(Interval, "300", "xsd:unsignedInt"), new ParameterValueStruct("Device.X_EXAMPLE_Mode", "eco", "xsd:string")],
                Assert.IsType<SetParameterValues>(set.Envelope!.Body).ParameterList.OrderBy(p => p.Name, StringComparer.Ordinal));
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(set, "setparametervaluesresponse.xml")).Kind);

            await cpe.InformAsync();
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
            Assert.Equal("300", (await cpe.Grain.GetParametersAsync(Interval)).Single().Value);

            // A converged device's unchanged periodic Inform does not even load its parameter tree.
            await cpe.DeactivateAsync();
            using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);
            await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, ("1 BOOT", "2 PERIODIC")), newSession: true);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
            Assert.False(roundTrips.By("operation").ContainsKey("load_parameters"));
        }
        finally
        {
            await Registry.DeleteAsync("converge");
        }
    }

    [Fact]
    public async Task Values_the_data_model_or_the_cpe_refuses_are_not_sent_again()
    {
        Cpe cpe = await KnownDeviceWithTagAsync("P-REFUSED", "refused");
        await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.X_EXAMPLE_Speed", "10", "xsd:unsignedInt")]);
        await Registry.PutAsync(new Preset
        {
            Name = "refused",
            Criteria = new PresetCriteria { Tags = ["refused"] },
            Triggers = new PresetTriggers { Events = [EventCodes.Boot, EventCodes.Periodic] },
            Actions = new PresetActions { Values = [new ParameterSetting("Device.X_EXAMPLE_Speed", "fast"), new ParameterSetting(Interval, "60")] },
        });
        try
        {
            await cpe.InformAsync();

            // "fast" is no unsignedInt (the type the CPE reported): only the interval goes; the CPE refuses it (9007).
            SessionReply set = await cpe.EmptyAsync();
            Assert.Equal([new ParameterValueStruct(Interval, "60", "xsd:unsignedInt")], Assert.IsType<SetParameterValues>(set.Envelope!.Body).ParameterList);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(set, "fault-cpe-9003-spv.xml")).Kind);

            await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, ("1 BOOT", "2 PERIODIC")), newSession: true);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
        }
        finally
        {
            await Registry.DeleteAsync("refused");
        }
    }

    [Fact]
    public async Task An_object_instance_is_created_by_its_keys_and_found_again_by_them()
    {
        Cpe cpe = await KnownDeviceWithTagAsync("P-OBJECT", "object");
        await Registry.PutAsync(new Preset
        {
            Name = "object",
            Criteria = new PresetCriteria { Tags = ["object"] },
            Actions = new PresetActions
            {
                Objects =
                [
                    new ObjectInstanceRule { Table = "Device.NAT.PortMapping.", Keys = [new ParameterSetting("Description", "web")], Values = [new ParameterSetting("InternalPort", "80")] },
                ],
            },
        });
        try
        {
            await cpe.InformAsync();
            SessionReply read = await cpe.EmptyAsync();
            Assert.Equal(["Device.NAT.PortMapping."], Assert.IsType<GetParameterValues>(read.Envelope!.Body).ParameterNames);

            SessionReply add = await cpe.PostAsync(CpeAnswers.Values(read, ("Device.NAT.PortMapping.1.Description", "xsd:string", "mail"), ("Device.NAT.PortMapping.1.InternalPort", "xsd:unsignedInt", "25")));
            Assert.Equal(new AddObject("Device.NAT.PortMapping.", string.Empty), add.Envelope!.Body);

            // addobjectresponse.xml: instance 3.
            SessionReply set = await cpe.AnswerAsync(add, "addobjectresponse.xml");
            Assert.Equal(
                [new ParameterValueStruct("Device.NAT.PortMapping.3.Description", "web", "xsd:string"), new ParameterValueStruct("Device.NAT.PortMapping.3.InternalPort", "80", "xsd:unsignedInt")],
                Assert.IsType<SetParameterValues>(set.Envelope!.Body).ParameterList);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(set, "setparametervaluesresponse.xml")).Kind);

            await cpe.InformAsync();
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
        }
        finally
        {
            await Registry.DeleteAsync("object");
        }
    }

    [Fact]
    public async Task A_firmware_preset_completes_with_transfer_complete_and_the_new_software_version()
    {
        Cpe cpe = await KnownDeviceWithTagAsync("P-FIRMWARE", "firmware");
        await Registry.PutAsync(new Preset
        {
            Name = "fw",
            Criteria = new PresetCriteria { Tags = ["firmware"] },
            Actions = new PresetActions { Firmware = new FirmwareTarget { SoftwareVersion = "2.0.0", Url = "http://127.0.0.1:7567/files/fw-2.0.0.bin", FileSize = 1048576 } },
        });
        try
        {
            await cpe.InformAsync();
            SessionReply download = await cpe.EmptyAsync();
            Assert.Equal(
                new Download("preset:fw:2.0.0", "1 Firmware Upgrade Image", "http://127.0.0.1:7567/files/fw-2.0.0.bin", FileSize: 1048576),
                download.Envelope!.Body);

            // Status 1: the CPE downloads after the session; nothing else is sent meanwhile.
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(download, "downloadresponse.xml")).Kind);

            await cpe.PostAsync(CorpusFiles.FromDevice("inform-transfer-complete-events.xml", cpe.Serial, ("1.2.3", "2.0.0"), ("fw-2026-11", "preset:fw:2.0.0")), newSession: true);
            SessionReply answered = await cpe.PostAsync(CorpusFiles.FromDevice("transfercomplete-success.xml", cpe.Serial, ("fw-2026-11", "preset:fw:2.0.0")));
            Assert.IsType<TransferCompleteResponse>(answered.Envelope!.Body);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);

            DeviceTaskView task = Assert.Single(await cpe.Grain.GetTasksAsync(), t => t.Method == "Download");
            Assert.Equal(DeviceTaskState.Done, task.State);
            Assert.Equal("2.0.0", (await cpe.Grain.GetSummaryAsync())!.SoftwareVersion);

            await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, ("1.2.3", "2.0.0")), newSession: true);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
        }
        finally
        {
            await Registry.DeleteAsync("fw");
        }
    }

    [Fact]
    public async Task A_bootstrap_device_is_discovered_associated_with_its_subscriber_and_provisioned()
    {
        var cpe = new Cpe(fixture, "P-BOOTSTRAP");
        ISubscriberRegistrationGrain registration = fixture.Grains.GetGrain<ISubscriberRegistrationGrain>(SubscriberRegistrationKey.For(SubscriberKeyKind.Serial, cpe.Serial));
        await registration.PutAsync(new SubscriberRegistration { SubscriberId = "sub-42", Tags = ["gold"] });
        await Registry.PutAsync(new Preset
        {
            Name = "gold-wifi",
            Criteria = new PresetCriteria
            {
                SubscriberId = "sub-42",
                Tags = ["gold"],
                Parameters = [new ParameterPredicate { Path = "Device.DeviceInfo.SoftwareVersion", Operator = PredicateOperator.Exists }],
            },
            Triggers = new PresetTriggers { Events = [EventCodes.Bootstrap] },
            Actions = new PresetActions { Values = [new ParameterSetting("Device.WiFi.SSID.1.SSID", "gold")] },
        });
        try
        {
            await cpe.InformAsync("inform-bootstrap-cwmp12.xml");

            // Discovery: the methods, the supported data models, the names (refused whole: walked level by level).
            SessionReply methods = await cpe.EmptyAsync();
            Assert.IsType<GetRPCMethods>(methods.Envelope!.Body);
            SessionReply models = await cpe.AnswerAsync(methods, "getrpcmethodsresponse.xml");
            Assert.Equal(["Device.DeviceInfo.SupportedDataModel."], Assert.IsType<GetParameterValues>(models.Envelope!.Body).ParameterNames);
            SessionReply names = await cpe.PostAsync(CpeAnswers.Values(models, ("Device.DeviceInfo.SupportedDataModel.1.URN", "xsd:string", "urn:broadband-forum-org:tr-181-2-17-0")));
            Assert.Equal(new GetParameterNames(string.Empty, false), names.Envelope!.Body);
            SessionReply walkRoot = await cpe.AnswerAsync(names, "fault-cpe-9005.xml");
            Assert.Equal(new GetParameterNames("Device.", true), walkRoot.Envelope!.Body);
            SessionReply walkInfo = await cpe.PostAsync(CpeAnswers.Names(walkRoot, ("Device.DeviceInfo.", false), ("Device.RootDataModelVersion", false)));
            Assert.Equal(new GetParameterNames("Device.DeviceInfo.", true), walkInfo.Envelope!.Body);

            // First contact (periodic Inform, connection request credentials) and the subscriber's preset in one SPV.
            SessionReply set = await cpe.PostAsync(CpeAnswers.Names(walkInfo, ("Device.DeviceInfo.SoftwareVersion", false)));
            EquatableArray<ParameterValueStruct> values = Assert.IsType<SetParameterValues>(set.Envelope!.Body).ParameterList;
            Assert.Equal(
                [
                    ("Device.ManagementServer.PeriodicInformEnable", "xsd:boolean"),
                    ("Device.ManagementServer.PeriodicInformInterval", "xsd:unsignedInt"),
                    ("Device.ManagementServer.ConnectionRequestUsername", "xsd:string"),
                    ("Device.ManagementServer.ConnectionRequestPassword", "xsd:string"),
                    ("Device.WiFi.SSID.1.SSID", "xsd:string"),
                ],
                values.Select(v => (v.Name, v.Type)));
            Assert.Equal(["true", "3600"], values.Take(2).Select(v => v.Value));
            Assert.Equal("gold", values[4].Value);
            Assert.Matches("^[0-9a-f]{32}$", values[3].Value);

            // The parameter the preset's criteria watch gets passive notification.
            SessionReply attributes = await cpe.AnswerAsync(set, "setparametervaluesresponse.xml");
            Assert.Equal(
                [new SetParameterAttributesStruct("Device.DeviceInfo.SoftwareVersion", true, 1, false, [])],
                Assert.IsType<SetParameterAttributes>(attributes.Envelope!.Body).ParameterList);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(attributes, "setparameterattributesresponse.xml")).Kind);

            DeviceSummary summary = (await cpe.Grain.GetSummaryAsync())!;
            Assert.Equal("sub-42", summary.SubscriberId);
            Assert.Equal(["gold"], summary.Tags);
            Assert.Equal(cpe.DeviceKey, (await registration.GetAsync())!.ClaimedBy);

            // First contact has converged: the next Inform sends nothing.
            await cpe.InformAsync();
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);

            // The password reads back empty (it is hidden); connection requests still use the pair first contact set.
            await TaskTests.SeedAsync(cpe, [new ParameterValueStruct("Device.ManagementServer.ConnectionRequestPassword", string.Empty)]);
            await cpe.Grain.EnqueueAsync(new EnqueueRequest([new GetParameterValues(["Device.DeviceInfo.UpTime"])], ConnectionRequest: true));
            ConnectionRequestTarget target = fixture.ConnectionRequester.Targets.Last(t => t.DeviceKey == cpe.DeviceKey);
            Assert.Equal((values[2].Value, values[3].Value), (target.Username, target.Password));
        }
        finally
        {
            await Registry.DeleteAsync("gold-wifi");
        }
    }

    [Fact]
    public async Task Tags_apply_at_once_and_a_reboot_follows_the_change_once()
    {
        Cpe cpe = await KnownDeviceWithTagAsync("P-REBOOT", "reboot");
        await Registry.PutAsync(new Preset
        {
            Name = "reboot",
            Criteria = new PresetCriteria { Tags = ["reboot"] },
            Actions = new PresetActions { Values = [new ParameterSetting(Interval, "900")], AddTags = ["rebooted-by-preset"], RemoveTags = ["reboot-pending"], Reboot = true },
        });
        try
        {
            await cpe.Grain.UpdateTagsAsync(new TagChange(["reboot-pending"], []));
            await cpe.InformAsync();
            Assert.Equal(["reboot", "rebooted-by-preset"], (await cpe.Grain.GetSummaryAsync())!.Tags);

            SessionReply set = await cpe.EmptyAsync();
            Assert.IsType<SetParameterValues>(set.Envelope!.Body);
            SessionReply reboot = await cpe.AnswerAsync(set, "setparametervaluesresponse.xml");
            Assert.Equal(new Reboot("provisioning"), reboot.Envelope!.Body);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.AnswerAsync(reboot, "rebootresponse.xml")).Kind);

            await cpe.PostAsync(CorpusFiles.FromDevice("inform-reboot-mevent.xml", cpe.Serial, ("reboot-0001", "provisioning")), newSession: true);
            Assert.Equal(SessionReplyKind.EndSession, (await cpe.EmptyAsync()).Kind);
            Assert.Equal(DeviceTaskState.Done, Assert.Single(await cpe.Grain.GetTasksAsync(), t => t.Method == "Reboot").State);
        }
        finally
        {
            await Registry.DeleteAsync("reboot");
        }
    }

    private async Task<Cpe> KnownDeviceWithTagAsync(string serial, string tag)
    {
        var cpe = new Cpe(fixture, serial);
        Assert.Equal(SessionReplyKind.EndSession, (await cpe.PeriodicSessionAsync()).Kind);
        await cpe.Grain.UpdateTagsAsync(new TagChange([tag], []));
        return cpe;
    }
}
