using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;

namespace Cwmp.Grains.Tests.Campaigns;

/// <summary>What a campaign refuses before it starts, and the arithmetic of waves and windows.</summary>
public sealed class CampaignDefinitionTests
{
    private static readonly CampaignDefinition Valid = new()
    {
        Target = DeviceQuery.All,
        Firmware = new FirmwareAction("https://files.example.net/fw.bin", "2.0.0"),
    };

    public static TheoryData<CampaignDefinition, string> Invalid => new()
    {
        { Valid with { Firmware = null }, "exactly one action" },
        { Valid with { Parameters = [new CampaignParameter("Device.X", "1")] }, "exactly one action" },
        { Valid with { Firmware = new FirmwareAction("fw.bin", "2.0.0") }, "not an absolute http" },
        { Valid with { Firmware = new FirmwareAction("https://f/fw.bin", "") }, "TargetSoftwareVersion" },
        { Valid with { Firmware = new FirmwareAction("https://f/fw.bin", "2") { ScheduleWindows = [new(TimeSpan.FromHours(2), TimeSpan.FromHours(1))] } }, "ScheduleWindows" },
        { Valid with { Firmware = null, Parameters = [new CampaignParameter("Device.WiFi.", "1")] }, "full parameter name" },
        { Valid with { Rollout = new RolloutPolicy { MaxInFlight = 0 } }, "MaxInFlight" },
        { Valid with { Rollout = new RolloutPolicy { FailureRateThreshold = 1.5 } }, "FailureRateThreshold" },
        { Valid with { Rollout = new RolloutPolicy { WavePercentages = [10, 10, 100] } }, "ascend strictly" },
        { Valid with { Rollout = new RolloutPolicy { StartWindows = [new(TimeSpan.FromHours(25), TimeSpan.FromHours(1))] } }, "StartWindow" },
        { Valid with { Rollout = new RolloutPolicy { StartWindows = [new(TimeSpan.FromHours(1), TimeSpan.FromHours(2))], TimeZone = "Mars/Olympus_Mons" } }, "Mars/Olympus_Mons" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_definition_is_refused_saying_what_is_wrong(CampaignDefinition definition, string expected)
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(definition.Validate);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_definition_passes() => Valid.Validate();

    [Theory]
    [InlineData(0, new[] { 100 }, 1000, new long[] { 1000 })]
    [InlineData(100, new[] { 1, 10, 100 }, 1_000_000, new long[] { 100, 10_000, 100_000, 1_000_000 })]
    [InlineData(100, new[] { 10, 100 }, 50, new long[] { 50 })]
    [InlineData(5, new[] { 50 }, 7, new long[] { 5, 7 })]
    public void Waves_are_cumulative_and_end_at_the_target(int canary, int[] percentages, long targeted, long[] expected) =>
        Assert.Equal(expected, WavePlan.Cumulative(new RolloutPolicy { CanaryCount = canary, WavePercentages = percentages }, targeted));

    [Fact]
    public void A_wave_is_split_over_shards_in_proportion_by_largest_remainder()
    {
        Assert.Equal([34L, 33L, 33L, 0L], WavePlan.Split(100, [1000, 1000, 1000, 0]));
        Assert.Equal([0L, 10L], WavePlan.Split(10, [3, 1000]));
        Assert.Equal([3L, 1L], WavePlan.Split(4, [3, 1]));
        Assert.Equal(10L, WavePlan.Split(10, [7, 2, 1]).Sum());
    }

    [Theory]
    [InlineData("01:00", "05:00", "03:00", true)]
    [InlineData("01:00", "05:00", "05:00", false)]
    [InlineData("22:00", "04:00", "23:30", true)]
    [InlineData("22:00", "04:00", "02:00", true)]
    [InlineData("22:00", "04:00", "12:00", false)]
    public void A_daily_window_may_wrap_past_midnight(string start, string end, string at, bool inside) =>
        Assert.Equal(inside, new DailyWindow(TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Parse(end, System.Globalization.CultureInfo.InvariantCulture))
            .Contains(TimeSpan.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Start_windows_are_read_in_the_campaign_time_zone()
    {
        var rollout = new RolloutPolicy { StartWindows = [new(TimeSpan.FromHours(2), TimeSpan.FromHours(4))], TimeZone = "Europe/Berlin" };
        Assert.True(rollout.AllowsStartAt(new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.Zero)));
        Assert.False(rollout.AllowsStartAt(new DateTimeOffset(2026, 12, 2, 3, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_long_campaign_id_becomes_a_command_key_of_at_most_32_characters()
    {
        Assert.Equal("fw-2026-12", Cwmp.Grains.Devices.DeviceGrain.CampaignCommandKey("fw-2026-12"));
        string key = Cwmp.Grains.Devices.DeviceGrain.CampaignCommandKey(new string('x', 40));
        Assert.Equal(32, key.Length);
        Assert.StartsWith("c-", key, StringComparison.Ordinal);
    }
}
