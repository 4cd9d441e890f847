using Cwmp.Protocol;
using Cwmp.Swarm.Cpe;

namespace Cwmp.Swarm.Tests;

/// <summary>What happens to a device between sessions in the mixed scenario: a subscriber's change, a power cut.</summary>
public sealed class SubscriberEventTests
{
    [Fact]
    public async Task A_change_to_an_actively_notified_parameter_starts_a_4_VALUE_CHANGE_session_carrying_it()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(random: 0.5);
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new SetParameterAttributes([new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 2, false, [])]));
        await h.SessionAsync(0, () => h.Swarm.Runtime.Raise(h.Device(), CpeSignal.UserChange));
        var inform = h.Acs.InformsOf(h.Key())[^1];
        Assert.Equal(["4 VALUE CHANGE"], inform.EventCodes);
        Assert.Equal("Home-0000-50", inform.Parameter("Device.WiFi.SSID.1.SSID"));
    }

    [Fact]
    public async Task A_passively_notified_change_waits_for_the_next_periodic_inform()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(random: 0.5);
        await h.FirstContactAsync();
        await h.RunRpcsAsync(new SetParameterAttributes([new SetParameterAttributesStruct("Device.WiFi.SSID.1.SSID", true, 1, false, [])]));
        Task turn = h.WaitForTurnAsync(c => c.Extras?.ValueChanges?.Count == 1, "the subscriber's change");
        h.Swarm.Runtime.Raise(h.Device(), CpeSignal.UserChange);
        await turn;
        Assert.Equal(2, h.Acs.InformsOf(h.Key()).Count);

        var periodic = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(3600));
        Assert.Equal(["2 PERIODIC", "4 VALUE CHANGE"], periodic.EventCodes);
        Assert.Equal("Home-0000-50", periodic.Parameter("Device.WiFi.SSID.1.SSID"));
    }

    [Fact]
    public async Task A_power_cut_is_a_reboot_without_M_Reboot()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync();
        await h.FirstContactAsync();
        Task down = h.WaitForTurnAsync(c => c.IsRebooting, "the power cut");
        h.Swarm.Runtime.Raise(h.Device(), CpeSignal.PowerCycle);
        await down;
        var boot = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["1 BOOT"], boot.EventCodes);
    }
}
