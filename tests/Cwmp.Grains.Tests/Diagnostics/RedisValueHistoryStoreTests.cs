using Cwmp.Grains.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cwmp.Grains.Tests.Diagnostics;

/// <summary>The Redis value-change history against a real redis-server: one list per parameter, trimmed, forgettable.</summary>
public sealed class RedisValueHistoryStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly RedisValueHistoryStore _store = new(redis.Connection, Options.Create(new RedisParameterStoreOptions()));

    [Fact]
    public async Task Values_come_back_newest_first_and_trimmed()
    {
        const string device = "A1B2C3-HomeGateway-VH%2D1";
        var changes = Enumerable.Range(0, 5)
            .Select(i => new ValueChangeEntry("Device.X.Value", new ParameterValueChange($"v{i}|with|bars\nand lines", "xsd:string", At.AddSeconds(i))))
            .ToList();

        await _store.AppendAsync(device, changes, maxPerParameter: 3);

        IReadOnlyList<ParameterValueChange> read = await _store.ReadAsync(device, "Device.X.Value");
        Assert.Equal([changes[4].Change, changes[3].Change, changes[2].Change], read);
        Assert.Equal(3, await redis.Connection.GetDatabase().ListLengthAsync(RedisValueHistoryStore.ListKeyOf(device, "Device.X.Value")));
    }

    [Fact]
    public async Task Delete_drops_every_list_of_the_device_and_no_other()
    {
        const string device = "A1B2C3-HomeGateway-VH%2D2";
        const string other = "A1B2C3-HomeGateway-VH%2D3";
        await _store.AppendAsync(device, [new("Device.A", new("1", "xsd:int", At)), new("Device.B", new("2", "xsd:int", At))], 20);
        await _store.AppendAsync(other, [new("Device.A", new("9", "xsd:int", At))], 20);

        await _store.DeleteAsync(device);

        Assert.Empty(await _store.ReadAsync(device, "Device.A"));
        Assert.Empty(await _store.ReadAsync(device, "Device.B"));
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(RedisValueHistoryStore.NamesKeyOf(device)));
        Assert.Equal([new ParameterValueChange("9", "xsd:int", At)], await _store.ReadAsync(other, "Device.A"));
    }
}
