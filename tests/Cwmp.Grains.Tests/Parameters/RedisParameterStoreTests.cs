using Cwmp.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Grains.Tests.Parameters;

/// <summary>The Redis store against a real redis-server: one hash per device, one field per parameter.</summary>
public sealed class RedisParameterStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly RedisParameterStore _store = new(redis.Connection, Options.Create(new RedisParameterStoreOptions()));

    private IDatabase Db => redis.Connection.GetDatabase();

    [Fact]
    public async Task Parameters_round_trip_with_every_attribute()
    {
        const string device = "A1B2C3-HomeGateway-R%2D1";
        CachedParameter full = new("Device.X_Test.\"Quoted\" & <tag>", " spaced\r\nvalue ", "xsd:string", true, 2, ["Subscriber", "Other"], At);
        CachedParameter bare = new("Device.NAT.PortMapping.3.", null, null, null, null, null, null);

        await _store.WriteAsync(device, new ParameterChanges(false, [full, bare], []));
        IReadOnlyList<CachedParameter> loaded = await _store.LoadAsync(device);

        Assert.Equal(2, loaded.Count);
        CachedParameter back = loaded.Single(p => p.Name == full.Name);
        Assert.Equal(full with { AccessList = null }, back with { AccessList = null });
        Assert.Equal(full.AccessList, back.AccessList);
        Assert.Equal(bare, loaded.Single(p => p.Name == bare.Name));
    }

    [Fact]
    public async Task The_device_hash_has_one_compact_field_per_parameter()
    {
        const string device = "A1B2C3-HomeGateway-R%2D2";

        await _store.WriteAsync(device, new ParameterChanges(false, [new CachedParameter("Device.A", "1", "xsd:unsignedInt", null, null, null, null)], []));

        Assert.Equal("cwmp:params:" + device, _store.KeyOf(device));
        HashEntry[] hash = await Db.HashGetAllAsync("cwmp:params:" + device);
        Assert.Equal("Device.A", hash.Single().Name.ToString());
        Assert.Equal("{\"v\":\"1\",\"t\":\"xsd:unsignedInt\"}", hash.Single().Value.ToString());
    }

    [Fact]
    public async Task A_write_sets_and_deletes_only_the_named_fields()
    {
        const string device = "A1B2C3-HomeGateway-R%2D3";
        await _store.WriteAsync(device, new ParameterChanges(false, [Param("Device.A", "1"), Param("Device.B", "2"), Param("Device.C", "3")], []));

        await _store.WriteAsync(device, new ParameterChanges(false, [Param("Device.B", "20")], ["Device.C"]));

        Assert.Equal([("Device.A", "1"), ("Device.B", "20")], (await _store.LoadAsync(device)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.Value)));
    }

    [Fact]
    public async Task Clear_first_replaces_the_whole_tree_and_delete_drops_the_key()
    {
        const string device = "A1B2C3-HomeGateway-R%2D4";
        await _store.WriteAsync(device, new ParameterChanges(false, [Param("Device.Old", "1")], []));

        await _store.WriteAsync(device, new ParameterChanges(true, [Param("Device.New", "2")], []));
        Assert.Equal(["Device.New"], (await _store.LoadAsync(device)).Select(p => p.Name));

        await _store.DeleteAsync(device);
        Assert.False(await Db.KeyExistsAsync(_store.KeyOf(device)));
        Assert.Empty(await _store.LoadAsync(device));
    }

    [Fact]
    public async Task Devices_do_not_share_fields()
    {
        await _store.WriteAsync("dev-x", new ParameterChanges(false, [Param("Device.A", "x")], []));
        await _store.WriteAsync("dev-y", new ParameterChanges(false, [Param("Device.A", "y")], []));

        Assert.Equal("x", (await _store.LoadAsync("dev-x")).Single().Value);
        Assert.Equal("y", (await _store.LoadAsync("dev-y")).Single().Value);
    }

    [Fact]
    public void The_silo_registration_puts_the_redis_store_behind_the_interface()
    {
        var services = new ServiceCollection();
        services.AddSingleton(redis.Connection);
        services.AddCwmpGrains();
        services.AddInMemoryParameterStore();
        services.AddRedisParameterStore(options => options.KeyPrefix = "acs:");
        using ServiceProvider provider = services.BuildServiceProvider();

        var store = Assert.IsType<RedisParameterStore>(provider.GetRequiredService<IParameterStore>());
        Assert.Equal("acs:dev", store.KeyOf("dev"));
        Assert.IsType<DisabledConnectionRequester>(provider.GetRequiredService<IConnectionRequester>());
    }

    private static CachedParameter Param(string name, string value) => new(name, value, "xsd:string", null, null, null, At);
}
