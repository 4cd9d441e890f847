using Cwmp.Grains.Presets;
using Cwmp.Grains.Provisioning;

namespace Cwmp.Grains.Tests.Provisioning;

/// <summary>Criteria, triggers, version order and the merge by precedence, without a silo.</summary>
public sealed class PresetMatcherTests
{
    private static readonly DeviceFacts Device = new(
        "A1B2C3", "Example", "HomeGateway", "1.10.2", "HW1.0", ["gold", "lab"], "sub-1",
        name => name switch
        {
            "Device.DeviceInfo.ModelName" => "HG-1",
            "Device.WiFi.Radio.1.Enable" => "1",
            _ => null,
        });

    [Theory]
    [InlineData("1.2", "1.10", -1)]
    [InlineData("1.2", "1.2.1", -1)]
    [InlineData("1.02", "1.2", 0)]
    [InlineData("2.0-rc1", "2.0-rc2", -1)]
    [InlineData("V2.1", "V2.0", 1)]
    public void Versions_order_numerically_segment_by_segment(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Sign(VersionOrder.Compare(a, b)));

    [Theory]
    [InlineData(null, "1.10.0", "1.10.9", null, true)]
    [InlineData(null, "1.2", "1.9", null, false)]
    [InlineData("1.10.2", null, null, null, true)]
    [InlineData("1.10", null, null, null, false)]
    [InlineData(null, null, null, @"1\.10\..*", true)]
    [InlineData(null, null, null, "1.1", false)]
    public void Version_criteria_are_exact_ranges_and_whole_value_patterns(string? exact, string? min, string? max, string? pattern, bool matches) =>
        Assert.Equal(matches, PresetMatcher.Matches(new PresetCriteria { SoftwareVersion = new VersionMatch { Exact = exact, Min = min, Max = max, Pattern = pattern } }, Device));

    [Fact]
    public void Every_criterion_that_is_set_must_hold()
    {
        Assert.True(PresetMatcher.Matches(PresetCriteria.Any, Device));
        Assert.True(PresetMatcher.Matches(new PresetCriteria { Oui = "A1B2C3", ProductClass = "HomeGateway", Tags = ["gold"], SubscriberId = "*" }, Device));
        Assert.False(PresetMatcher.Matches(new PresetCriteria { Oui = "A1B2C3", ProductClass = "Other" }, Device));
        Assert.False(PresetMatcher.Matches(new PresetCriteria { Tags = ["gold", "silver"] }, Device));
        Assert.False(PresetMatcher.Matches(new PresetCriteria { ExcludedTags = ["lab"] }, Device));
        Assert.False(PresetMatcher.Matches(new PresetCriteria { SubscriberId = "sub-2" }, Device));
        Assert.False(PresetMatcher.Matches(new PresetCriteria { SubscriberId = "*" }, Device with { SubscriberId = null }));
    }

    [Theory]
    [InlineData("Device.DeviceInfo.ModelName", PredicateOperator.Equals, "HG-1", true)]
    [InlineData("Device.WiFi.Radio.1.Enable", PredicateOperator.Equals, "true", true)]
    [InlineData("Device.DeviceInfo.ModelName", PredicateOperator.NotEquals, "HG-1", false)]
    [InlineData("Device.Unknown", PredicateOperator.NotEquals, "x", true)]
    [InlineData("Device.DeviceInfo.ModelName", PredicateOperator.Matches, "HG-[0-9]", true)]
    [InlineData("Device.DeviceInfo.ModelName", PredicateOperator.Matches, "HG", false)]
    [InlineData("Device.Unknown", PredicateOperator.Exists, null, false)]
    public void Parameter_predicates_compare_the_known_value(string path, PredicateOperator op, string? value, bool holds) =>
        Assert.Equal(holds, PresetMatcher.Matches(new PresetCriteria { Parameters = [new ParameterPredicate { Path = path, Operator = op, Value = value }] }, Device));

    [Fact]
    public void Triggers_need_one_of_the_events_and_the_window()
    {
        DateTimeOffset night = new(2026, 12, 2, 23, 30, 0, TimeSpan.Zero);
        DateTimeOffset noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var nightly = new PresetTriggers { Events = ["2 PERIODIC"], Window = new PresetWindow { Start = TimeSpan.FromHours(22), End = TimeSpan.FromHours(4) } };

        Assert.True(PresetMatcher.IsTriggered(PresetTriggers.EveryInform, ["6 CONNECTION REQUEST"], noon));
        Assert.True(PresetMatcher.IsTriggered(new PresetTriggers { Events = ["*"] }, ["X ACME Event"], noon));
        Assert.True(PresetMatcher.IsTriggered(nightly, ["2 PERIODIC", "4 VALUE CHANGE"], night));
        Assert.True(PresetMatcher.IsTriggered(nightly, ["2 PERIODIC"], night.AddHours(4).AddMinutes(-1)));
        Assert.False(PresetMatcher.IsTriggered(nightly, ["2 PERIODIC"], noon));
        Assert.False(PresetMatcher.IsTriggered(nightly, ["1 BOOT"], night));
    }

    [Fact]
    public void The_higher_precedence_wins_and_paths_of_another_root_are_left_out()
    {
        Preset low = new()
        {
            Name = "low",
            Precedence = 1,
            Actions = new PresetActions
            {
                Values = [new ParameterSetting("Device.A", "low"), new ParameterSetting("Device.B", "low"), new ParameterSetting("InternetGatewayDevice.C", "igd")],
                AddTags = ["t"],
                Refresh = [new RefreshRule("Device.DeviceInfo.", TimeSpan.FromHours(1))],
            },
        };
        Preset high = new()
        {
            Name = "high",
            Precedence = 5,
            Actions = new PresetActions
            {
                Values = [new ParameterSetting("Device.A", "high")],
                RemoveTags = ["t"],
                Refresh = [new RefreshRule("Device.DeviceInfo.", TimeSpan.FromHours(2))],
            },
        };

        DesiredState desired = DesiredState.Merge([high, low], "Device.");

        Assert.Equal(["low", "high"], desired.PresetNames);
        Assert.Equal([("Device.A", "high"), ("Device.B", "low")], desired.Values.Values.Select(v => (v.Path, v.Value)).Order());
        Assert.False(desired.Tags["t"]);
        Assert.Equal(TimeSpan.FromHours(1), desired.Refresh["Device.DeviceInfo."]);
    }
}
