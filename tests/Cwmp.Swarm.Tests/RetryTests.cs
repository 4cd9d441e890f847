using Cwmp.Swarm.Cpe;

namespace Cwmp.Swarm.Tests;

/// <summary>TR-069 session retry (checklist §1): wait = rand[m·(k/1000)^(n−1), m·(k/1000)^n], n = min(RetryCount, 10).</summary>
public sealed class RetryTests
{
    [Theory]
    [InlineData(1u, 5, 10)]
    [InlineData(2u, 10, 20)]
    [InlineData(3u, 20, 40)]
    [InlineData(4u, 40, 80)]
    [InlineData(5u, 80, 160)]
    [InlineData(6u, 160, 320)]
    [InlineData(7u, 320, 640)]
    [InlineData(8u, 640, 1280)]
    [InlineData(9u, 1280, 2560)]
    [InlineData(10u, 2560, 5120)]
    [InlineData(11u, 2560, 5120)]
    [InlineData(50u, 2560, 5120)]
    public void Bounds_double_per_retry_and_stop_at_the_tenth(uint retry, int low, int high)
    {
        Assert.Equal((TimeSpan.FromSeconds(low), TimeSpan.FromSeconds(high)), RetryBackoff.Bounds(retry));
        Assert.Equal(TimeSpan.FromSeconds(low), RetryBackoff.Wait(retry, 0));
        Assert.Equal(TimeSpan.FromSeconds((low + high) / 2.0), RetryBackoff.Wait(retry, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(high), RetryBackoff.Wait(retry, 1));
    }

    [Fact]
    public void Bounds_follow_the_devices_own_retry_parameters()
    {
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45)), RetryBackoff.Bounds(1, 30, 1500));
        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(67.5)), RetryBackoff.Bounds(2, 30, 1500));
    }

    [Fact]
    public async Task A_failed_session_is_retried_exactly_at_the_drawn_wait_with_RetryCount_and_the_same_events()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(random: 0.5);
        int failures = 2;
        h.Acs.InformStatus = _ => failures-- > 0 ? 503 : null;
        SimulatedCpe cpe = h.Device();

        Task first = h.WaitForTurnAsync(c => c.RetryCount == 1, "the first failed attempt");
        h.Swarm.ScheduleFirstContact(cpe, Swarm.FirstContact.Bootstrap, h.Time.GetUtcNow().UtcTicks);
        await first;
        Assert.Equal(TimeSpan.FromSeconds(7.5), TimeSpan.FromTicks(cpe.RetryAtTicks - SwarmHarness.Start.UtcTicks));

        long wakes = h.Swarm.Runtime.Scheduler.Wakes;
        h.Time.Advance(TimeSpan.FromSeconds(7.5) - TimeSpan.FromTicks(1));
        Assert.Equal(wakes, h.Swarm.Runtime.Scheduler.Wakes);
        Assert.Equal(1, h.Acs.RejectedInforms);

        Task second = h.WaitForTurnAsync(c => c.RetryCount == 2, "the second failed attempt");
        h.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(wakes + 1, h.Swarm.Runtime.Scheduler.Wakes);
        await second;
        Assert.Equal(TimeSpan.FromSeconds(7.5 + 15), TimeSpan.FromTicks(cpe.RetryAtTicks - SwarmHarness.Start.UtcTicks));

        var success = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(["0 BOOTSTRAP", "1 BOOT"], success.EventCodes);
        Assert.Equal(2u, success.Inform.RetryCount);
        Assert.Equal(
            [0u, 1u, 2u],
            h.Acs.Posts.Where(p => p.Envelope?.Body is Protocol.Inform).Select(p => ((Protocol.Inform)p.Envelope!.Body).RetryCount));
        Assert.Equal(0u, cpe.RetryCount);
        Assert.Equal(2, h.Swarm.Context.Statistics.TotalFailuresOf("http-503"));
    }

    [Fact]
    public async Task Retry_After_of_a_503_is_a_floor_for_the_wait()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(random: 0);
        int failures = 1;
        h.Acs.InformStatus = _ => failures-- > 0 ? 503 : null;
        h.Acs.RetryAfterSeconds = 120;
        Task first = h.WaitForTurnAsync(c => c.RetryCount == 1, "the failed attempt");
        h.Swarm.ScheduleFirstContact(h.Device(), Swarm.FirstContact.Boot, h.Time.GetUtcNow().UtcTicks);
        await first;
        Assert.Equal(TimeSpan.FromSeconds(120), TimeSpan.FromTicks(h.Device().RetryAtTicks - SwarmHarness.Start.UtcTicks));
        var retried = await h.AdvanceToSessionAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(["1 BOOT"], retried.EventCodes);
    }

    [Fact]
    public async Task A_refused_connection_counts_as_a_failure_and_backs_off()
    {
        await using SwarmHarness h = await SwarmHarness.StartAsync(random: 0);
        await h.Acs.DisposeAsync();
        Task first = h.WaitForTurnAsync(c => c.RetryCount == 1, "the failed attempt");
        h.Swarm.ScheduleFirstContact(h.Device(), Swarm.FirstContact.Boot, h.Time.GetUtcNow().UtcTicks);
        await first;
        Assert.Equal(1, h.Swarm.Context.Statistics.TotalFailuresOf("connect-refused"));
        Assert.Equal(TimeSpan.FromSeconds(5), TimeSpan.FromTicks(h.Device().RetryAtTicks - SwarmHarness.Start.UtcTicks));
    }
}
