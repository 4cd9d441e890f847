using Cwmp.Grains.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Diagnostics;

/// <summary>"4 VALUE CHANGE": the changed values, with their time, in a bounded history per parameter.</summary>
[Collection(ClusterTests.Name)]
public sealed class ValueHistoryTests(ClusterFixture fixture)
{
    private const string Ssid = "Device.WiFi.SSID.1.SSID";

    [Fact]
    public async Task A_value_change_records_the_changed_values_and_not_the_unchanged_forced_ones()
    {
        var cpe = new Cpe(fixture, "VH-SSID");
        await cpe.PeriodicSessionAsync();
        IDeviceHistoryGrain history = fixture.Grains.GetGrain<IDeviceHistoryGrain>(cpe.DeviceKey);
        DateTimeOffset at = fixture.Time.GetUtcNow();

        await cpe.InformAsync("inform-value-change.xml");

        Assert.Equal([new ParameterValueChange("home-5G & guests", "xsd:string", at)], await history.GetValueHistoryAsync(Ssid));
        Assert.Empty(await history.GetValueHistoryAsync("Device.DeviceInfo.SoftwareVersion"));
    }

    [Fact]
    public async Task An_inform_without_value_change_records_nothing()
    {
        var cpe = new Cpe(fixture, "VH-NONE");

        await cpe.InformAsync("inform-device2-boot.xml");

        Assert.Empty(await fixture.Grains.GetGrain<IDeviceHistoryGrain>(cpe.DeviceKey).GetValueHistoryAsync("Device.DeviceInfo.SoftwareVersion"));
    }

    [Fact]
    public async Task The_history_keeps_the_last_twenty_values_newest_first()
    {
        var cpe = new Cpe(fixture, "VH-BOUNDED");
        await cpe.PeriodicSessionAsync();
        var expected = new List<ParameterValueChange>();
        for (int i = 0; i < 25; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
            string value = $"ssid-{i}";
            await cpe.PostAsync(CorpusFiles.FromDevice("inform-value-change.xml", cpe.Serial, ("home-5G &amp; guests", value)), newSession: true);
            expected.Insert(0, new ParameterValueChange(value, "xsd:string", fixture.Time.GetUtcNow()));
        }

        IReadOnlyList<ParameterValueChange> recorded = await fixture.Grains.GetGrain<IDeviceHistoryGrain>(cpe.DeviceKey).GetValueHistoryAsync(Ssid);

        Assert.Equal(expected.Take(20), recorded);
    }

    [Fact]
    public async Task Forgetting_the_device_drops_its_history()
    {
        var cpe = new Cpe(fixture, "VH-FORGET");
        await cpe.PeriodicSessionAsync();
        await cpe.InformAsync("inform-value-change.xml");
        IDeviceHistoryGrain history = fixture.Grains.GetGrain<IDeviceHistoryGrain>(cpe.DeviceKey);
        Assert.Single(await history.GetValueHistoryAsync(Ssid));

        await cpe.Grain.ForgetAsync();

        Assert.Empty(await history.GetValueHistoryAsync(Ssid));
    }
}
