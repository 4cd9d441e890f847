using Cwmp.Protocol;

namespace Cwmp.Grains.Tests.Parameters;

/// <summary>The grain's in-memory tree and the changes it hands to the store.</summary>
public sealed class ParameterCacheTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_change_to_the_same_content_is_no_change()
    {
        var cache = new ParameterCache();
        cache.Load([new CachedParameter("Device.A", "1", "xsd:string", true, 2, ["Subscriber"], At)]);

        cache.SetValue("Device.A", "1", "xsd:string", At);
        cache.SetWritable("Device.A", true);
        cache.SetNotification("Device.A", 2);
        cache.SetAccessList("Device.A", ["Subscriber"]);

        Assert.False(cache.HasChanges);
    }

    [Fact]
    public void Changes_carry_whole_entries_and_removals_once()
    {
        var cache = new ParameterCache();
        cache.Load([new CachedParameter("Device.A", "1", "xsd:string", true, null, null, At), new CachedParameter("Device.B.", null, null, null, null, null, null)]);

        cache.SetValue("Device.A", "2", "xsd:string", At.AddSeconds(1));
        cache.RemoveSubtree("Device.B.");
        cache.SetValue("Device.C", "3", "xsd:int", At);
        ParameterChanges changes = cache.TakeChanges();

        Assert.False(changes.ClearFirst);
        Assert.Equal(
            [new CachedParameter("Device.A", "2", "xsd:string", true, null, null, At.AddSeconds(1)), new CachedParameter("Device.C", "3", "xsd:int", null, null, null, At)],
            changes.Upserts.OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(["Device.B."], changes.Removals);
        Assert.False(cache.HasChanges);
    }

    [Fact]
    public void Removing_an_object_removes_what_is_below_it_and_nothing_that_only_shares_a_prefix()
    {
        var cache = new ParameterCache();
        cache.Load([Entry("Device.IP.Interface.1."), Entry("Device.IP.Interface.1.Enable"), Entry("Device.IP.Interface.10.Enable"), Entry("Device.IP.Interface.1")]);

        cache.RemoveSubtree("Device.IP.Interface.1.");

        Assert.Equal(["Device.IP.Interface.1", "Device.IP.Interface.10.Enable"], cache.Find("").Select(p => p.Name));
    }

    [Fact]
    public void Get_parameter_names_of_all_levels_drops_everything_below_the_path_it_does_not_list()
    {
        var cache = new ParameterCache();
        cache.Load([Entry("Device.WiFi.SSID.1.SSID"), Entry("Device.WiFi.SSID.2.SSID"), Entry("Device.DeviceInfo.UpTime")]);

        cache.ApplyNames("Device.WiFi.", nextLevel: false, [new ParameterInfoStruct("Device.WiFi.SSID.", true), new ParameterInfoStruct("Device.WiFi.SSID.1.SSID", true)]);

        Assert.Equal(
            [("Device.DeviceInfo.UpTime", (bool?)null), ("Device.WiFi.SSID.", true), ("Device.WiFi.SSID.1.SSID", true)],
            cache.Find("").Select(p => (p.Name, p.Writable)));
    }

    [Fact]
    public void Get_parameter_names_of_a_full_name_drops_nothing()
    {
        var cache = new ParameterCache();
        cache.Load([Entry("Device.DeviceInfo.UpTime"), Entry("Device.DeviceInfo.UpTimeX")]);

        cache.ApplyNames("Device.DeviceInfo.UpTime", nextLevel: false, [new ParameterInfoStruct("Device.DeviceInfo.UpTime", false)]);

        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Clear_starts_the_next_write_with_a_clear()
    {
        var cache = new ParameterCache();
        cache.Load([Entry("Device.A")]);

        cache.Clear();
        cache.SetValue("Device.B", "1", "xsd:string", At);
        ParameterChanges changes = cache.TakeChanges();

        Assert.True(changes.ClearFirst);
        Assert.Equal(["Device.B"], changes.Upserts.Select(p => p.Name));
        Assert.Empty(changes.Removals);
    }

    [Fact]
    public void Changing_a_tree_that_was_not_loaded_is_a_bug()
    {
        var cache = new ParameterCache();

        Assert.Throws<InvalidOperationException>(() => cache.SetValue("Device.A", "1", "xsd:string", At));
    }

    private static CachedParameter Entry(string name) => new(name, "v", "xsd:string", null, null, null, At);
}
