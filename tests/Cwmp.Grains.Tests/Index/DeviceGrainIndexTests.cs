using Cwmp.Grains.Index;
using Cwmp.Grains.Tests.Infrastructure;

namespace Cwmp.Grains.Tests.Index;

/// <summary>The device grain keeps its index entry current: on a change, not on an unchanged periodic Inform.</summary>
[Collection(MetricsClusterTests.Name)]
public sealed class DeviceGrainIndexTests(ClusterFixture fixture)
{
    private static readonly (string, string) Periodic = ("<EventCode>1 BOOT</EventCode>", "<EventCode>2 PERIODIC</EventCode>");

    [Fact]
    public async Task The_first_inform_indexes_the_device_and_an_unchanged_periodic_inform_writes_nothing()
    {
        var cpe = new Cpe(fixture, "IX-PERIODIC");
        await cpe.PeriodicSessionAsync();
        DateTimeOffset first = fixture.Time.GetUtcNow();

        DeviceIndexEntry? entry = await fixture.Index.GetAsync(cpe.DeviceKey);
        Assert.NotNull(entry);
        Assert.Equal("A1B2C3", entry.Oui);
        Assert.Equal("HomeGateway", entry.ProductClass);
        Assert.Equal("1.2.3", entry.SoftwareVersion);
        Assert.Equal(first, entry.LastInformAt);

        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await PeriodicAsync(cpe);
        Assert.Empty(roundTrips.By("operation"));
        Assert.Equal(first, (await fixture.Index.GetAsync(cpe.DeviceKey))!.LastInformAt);

        // Past the granularity (15 minutes) since the indexed time: one index write, nothing else.
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        await PeriodicAsync(cpe);
        Assert.Equal(new Dictionary<string, long> { ["write_index"] = 1 }, roundTrips.By("operation"));
        Assert.Equal(fixture.Time.GetUtcNow(), (await fixture.Index.GetAsync(cpe.DeviceKey))!.LastInformAt);
    }

    [Fact]
    public async Task A_new_software_version_and_tag_changes_move_the_device_and_forget_removes_it()
    {
        var cpe = new Cpe(fixture, "IX-MOVE");
        await cpe.PeriodicSessionAsync();
        int shard = fixture.Index.ShardOf(cpe.DeviceKey);

        await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, Periodic, (">1.2.3<", ">2.0.0<")), newSession: true);
        await cpe.EmptyAsync();
        await cpe.Grain.UpdateTagsAsync(new TagChange(["ix-canary"], []));

        Assert.Equal(["IX-MOVE"], await SerialsAsync(shard, new DeviceQuery { SoftwareVersion = "2.0.0", Tags = ["ix-canary"] }));
        Assert.DoesNotContain("IX-MOVE", await SerialsAsync(shard, new DeviceQuery { SoftwareVersion = "1.2.3" }));

        await cpe.Grain.ForgetAsync();

        Assert.Null(await fixture.Index.GetAsync(cpe.DeviceKey));
        Assert.Empty(await SerialsAsync(shard, new DeviceQuery { Tags = ["ix-canary"] }));
    }

    [Fact]
    public async Task The_indexed_entry_survives_reactivation_so_that_it_is_not_rewritten()
    {
        var cpe = new Cpe(fixture, "IX-REACTIVATE");
        await cpe.PeriodicSessionAsync();
        await cpe.DeactivateAsync();
        using var roundTrips = new MetricRecorder(fixture.Metrics.Meter, CwmpGrainsTelemetry.StorageRoundTrips);

        await PeriodicAsync(cpe);

        Assert.Equal(new Dictionary<string, long> { ["read_state"] = 1 }, roundTrips.By("operation"));
    }

    private static async Task PeriodicAsync(Cpe cpe)
    {
        await cpe.PostAsync(CorpusFiles.FromDevice("inform-device2-boot.xml", cpe.Serial, Periodic), newSession: true);
        await cpe.EmptyAsync();
    }

    private async Task<List<string>> SerialsAsync(int shard, DeviceQuery query)
    {
        DeviceQueryPage page = await fixture.Index.QueryShardAsync(shard, query, null, 1000);
        return [.. page.Devices.Select(d => d.SerialNumber)];
    }
}
