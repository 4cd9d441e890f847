using Cwmp.Grains.Index;
using Cwmp.Grains.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Cwmp.Grains.Tests.Index;

/// <summary>The device index against a real redis-server: writes, moves between sets, removal, queries, paging, counts.</summary>
public sealed class RedisDeviceIndexTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    private RedisDeviceIndex NewIndex(string prefix, int shards = 4) =>
        new(redis.Connection, Options.Create(new DeviceIndexOptions { KeyPrefix = prefix, ShardCount = shards, OnlineWindow = TimeSpan.FromHours(1) }), _time);

    private static DeviceIndexEntry Entry(string serial, string sw = "1.0", string productClass = "HG", string[]? tags = null, DateTimeOffset? lastInform = null, string? subscriber = null) => new()
    {
        DeviceKey = "00D09E-" + productClass + "-" + serial,
        Manufacturer = "Acme",
        Oui = "00D09E",
        ProductClass = productClass,
        SerialNumber = serial,
        SoftwareVersion = sw,
        HardwareVersion = "hw1",
        Tags = tags ?? [],
        SubscriberId = subscriber,
        LastInformAt = lastInform ?? Now,
        DataModelRoot = "Device.",
    };

    [Fact]
    public async Task An_entry_is_written_read_back_and_removed_with_its_set_memberships()
    {
        RedisDeviceIndex index = NewIndex("t1");
        DeviceIndexEntry entry = Entry("S1", tags: ["beta", "north"], subscriber: "sub-9");

        await index.UpsertAsync(entry);
        DeviceIndexEntry? read = await index.GetAsync(entry.DeviceKey);

        Assert.NotNull(read);
        Assert.Equal(entry with { Tags = read.Tags }, read);
        Assert.Equal(["beta", "north"], read.Tags);
        int shard = index.ShardOf(entry.DeviceKey);
        Assert.Equal(1, await index.CountShardAsync(shard, new DeviceQuery { SubscriberId = "sub-9" }));

        await index.RemoveAsync(entry.DeviceKey);

        Assert.Null(await index.GetAsync(entry.DeviceKey));
        Assert.Equal(0, await index.CountShardAsync(shard, new DeviceQuery { SubscriberId = "sub-9" }));
        Assert.Equal(0, await index.CountShardAsync(shard, DeviceQuery.All));
        IServer server = redis.Connection.GetServers()[0];
        Assert.Empty(server.Keys(pattern: "t1:*"));
    }

    [Fact]
    public async Task A_changed_attribute_moves_the_device_between_sets()
    {
        RedisDeviceIndex index = NewIndex("t2");
        await index.UpsertAsync(Entry("S1", sw: "1.0", tags: ["a"]));

        await index.UpsertAsync(Entry("S1", sw: "2.0", tags: ["b"]));

        Assert.Empty((await index.QueryAsync(new DeviceQuery { SoftwareVersion = "1.0" }, null, 10)).Devices);
        Assert.Empty((await index.QueryAsync(new DeviceQuery { Tags = ["a"] }, null, 10)).Devices);
        Assert.Equal(["00D09E-HG-S1"], (await index.QueryAsync(new DeviceQuery { SoftwareVersion = "2.0", Tags = ["b"] }, null, 10)).Devices.Select(d => d.DeviceKey));
    }

    [Fact]
    public async Task A_query_intersects_attributes_and_filters_on_last_inform_and_online_state()
    {
        RedisDeviceIndex index = NewIndex("t3");
        await index.UpsertAsync(Entry("A", sw: "1.0", tags: ["x", "y"]));
        await index.UpsertAsync(Entry("B", sw: "1.0", tags: ["x"], lastInform: Now.AddHours(-3)));
        await index.UpsertAsync(Entry("C", sw: "2.0", tags: ["x", "y"]));
        await index.UpsertAsync(Entry("D", sw: "1.0", productClass: "STB", tags: ["x", "y"]));

        Assert.Equal(["A", "D"], await SerialsAsync(index, new DeviceQuery { SoftwareVersion = "1.0", Tags = ["x", "y"] }));
        Assert.Equal(["A"], await SerialsAsync(index, new DeviceQuery { SoftwareVersion = "1.0", Tags = ["y"], ProductClass = "HG" }));
        Assert.Equal(["B"], await SerialsAsync(index, new DeviceQuery { Online = false }));
        Assert.Equal(["A", "C", "D"], await SerialsAsync(index, new DeviceQuery { Online = true }));
        Assert.Equal(["B"], await SerialsAsync(index, new DeviceQuery { LastInformTo = Now.AddHours(-1) }));
        Assert.Equal(["A", "C", "D"], await SerialsAsync(index, new DeviceQuery { LastInformFrom = Now }));
        Assert.Equal(["C", "D"], await SerialsAsync(index, new DeviceQuery { DeviceKeys = ["00D09E-HG-C", "00D09E-STB-D", "00D09E-HG-nope"] }));
        Assert.Empty(await SerialsAsync(index, new DeviceQuery { Tags = ["none"] }));
    }

    [Fact]
    public async Task Paging_across_shards_returns_every_match_once_in_a_stable_order()
    {
        RedisDeviceIndex index = NewIndex("t4", shards: 8);
        for (int i = 0; i < 250; i++)
        {
            await index.UpsertAsync(Entry($"P{i:D3}", sw: i % 5 == 0 ? "old" : "new"));
        }

        var seen = new List<string>();
        string? cursor = null;
        int pages = 0;
        do
        {
            DeviceQueryPage page = await index.QueryAsync(new DeviceQuery { SoftwareVersion = "new" }, cursor, 17);
            Assert.InRange(page.Devices.Count, 0, 17);
            seen.AddRange(page.Devices.Select(d => d.SerialNumber));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Distinct().Count());
        Assert.All(seen, s => Assert.NotEqual(0, int.Parse(s[1..], System.Globalization.CultureInfo.InvariantCulture) % 5));
        Assert.InRange(pages, 12, 20);

        long total = 0;
        for (int shard = 0; shard < index.ShardCount; shard++)
        {
            long count = await index.CountShardAsync(shard, new DeviceQuery { SoftwareVersion = "new" });
            Assert.Equal(count, await CountByPagingShardAsync(index, shard, new DeviceQuery { SoftwareVersion = "new" }));
            Assert.Equal(count, await index.CountShardAsync(shard, new DeviceQuery { SoftwareVersion = "new", Online = true }));
            total += count;
        }

        Assert.Equal(200, total);
    }

    [Fact]
    public async Task A_shard_query_returns_only_that_shards_devices_and_refuses_a_foreign_cursor()
    {
        RedisDeviceIndex index = NewIndex("t5", shards: 4);
        for (int i = 0; i < 40; i++)
        {
            await index.UpsertAsync(Entry($"Q{i:D2}"));
        }

        DeviceQueryPage first = await index.QueryShardAsync(1, DeviceQuery.All, null, 3);

        Assert.All(first.Devices, d => Assert.Equal(1, index.ShardOf(d.DeviceKey)));
        Assert.NotNull(first.NextCursor);
        Assert.Throws<ArgumentException>(() => index.QueryShardAsync(2, DeviceQuery.All, first.NextCursor, 3).GetAwaiter().GetResult());
        Assert.Throws<ArgumentException>(() => index.QueryAsync(DeviceQuery.All, "not-a-cursor", 3).GetAwaiter().GetResult());
        Assert.Throws<ArgumentOutOfRangeException>(() => index.QueryAsync(DeviceQuery.All, null, 0).GetAwaiter().GetResult());
        Assert.Throws<ArgumentOutOfRangeException>(() => index.QueryShardAsync(4, DeviceQuery.All, null, 3).GetAwaiter().GetResult());
    }

    [Fact]
    public void The_shard_of_a_key_is_stable()
    {
        RedisDeviceIndex index = NewIndex("t6", shards: 16);

        // FNV-1a of the UTF-8 bytes, modulo 16: a value that must never change between releases.
        Assert.Equal(index.ShardOf("00D09E-HG-S1"), NewIndex("other", shards: 16).ShardOf("00D09E-HG-S1"));
        Assert.Equal(Fnv("00D09E-HG-S1") % 16, (uint)index.ShardOf("00D09E-HG-S1"));
    }

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }

        return hash;
    }

    private static async Task<List<string>> SerialsAsync(RedisDeviceIndex index, DeviceQuery query)
    {
        DeviceQueryPage page = await index.QueryAsync(query, null, 100);
        Assert.Null(page.NextCursor);
        return [.. page.Devices.Select(d => d.SerialNumber).Order(StringComparer.Ordinal)];
    }

    private static async Task<long> CountByPagingShardAsync(RedisDeviceIndex index, int shard, DeviceQuery query)
    {
        long count = 0;
        string? cursor = null;
        do
        {
            DeviceQueryPage page = await index.QueryShardAsync(shard, query, cursor, 5);
            count += page.Devices.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return count;
    }
}
