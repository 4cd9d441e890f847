using System.Net;
using Cwmp.ConnectionRequests.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.ConnectionRequests.Tests;

public sealed class ThrottleTests
{
    [Fact]
    public async Task Repeat_inside_the_interval_is_throttled_without_sending()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Digest));
        using var host = new TestHost();

        ConnectionRequestResult first = await host.RequestAsync(cpe.Url).Within("the first request");
        host.Time.Advance(TimeSpan.FromSeconds(59));
        ConnectionRequestResult second = await host.RequestAsync(cpe.Url).Within("the second request");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        ConnectionRequestResult third = await host.RequestAsync(cpe.Url).Within("the third request");

        Assert.Equal(
            (ConnectionRequestResult.Accepted, ConnectionRequestResult.Throttled, ConnectionRequestResult.Accepted),
            (first, second, third));
        Assert.Equal(4, cpe.Requests.Count);
    }

    [Fact]
    public async Task Devices_are_throttled_separately()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open));
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url, deviceKey: "A-1").Within("device A"));
        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url, deviceKey: "B-1").Within("device B"));
        Assert.Equal(ConnectionRequestResult.Throttled, await host.RequestAsync(cpe.Url, deviceKey: "A-1").Within("device A again"));
        Assert.Equal(2, cpe.Requests.Count);
    }

    [Fact]
    public async Task Unreachable_attempt_counts_for_the_throttle()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.Unreachable, await host.RequestAsync($"http://127.0.0.1:{port}/").Within("the first request"));
        Assert.Equal(ConnectionRequestResult.Throttled, await host.RequestAsync($"http://127.0.0.1:{port}/").Within("the second request"));
    }

    [Fact]
    public async Task Configured_interval_is_used()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open));
        using var host = new TestHost(new() { ["MinimumInterval"] = "00:00:10" });

        await host.RequestAsync(cpe.Url).Within("the first request");
        host.Time.Advance(TimeSpan.FromSeconds(9));
        ConnectionRequestResult early = await host.RequestAsync(cpe.Url).Within("the early repeat");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        ConnectionRequestResult due = await host.RequestAsync(cpe.Url).Within("the due repeat");

        Assert.Equal((ConnectionRequestResult.Throttled, ConnectionRequestResult.Accepted), (early, due));
    }

    [Fact]
    public async Task Zero_interval_turns_throttling_off()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open));
        using var host = new TestHost(new() { ["MinimumInterval"] = "00:00:00" });

        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the first request"));
        Assert.Equal(ConnectionRequestResult.Accepted, await host.RequestAsync(cpe.Url).Within("the second request"));
        Assert.Equal(2, cpe.Requests.Count);
    }

    [Fact]
    public void Expired_entries_are_dropped()
    {
        var time = new FakeTimeProvider(TestHost.Start);
        var throttle = new ConnectionRequestThrottle(time, TimeSpan.FromSeconds(60), 100);

        Assert.True(throttle.TryAcquire("a", out _));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.TryAcquire("b", out _));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.TryAcquire("c", out _));

        Assert.Equal(2, throttle.Count);
    }

    [Fact]
    public void Capacity_evicts_the_oldest_entry()
    {
        var time = new FakeTimeProvider(TestHost.Start);
        var throttle = new ConnectionRequestThrottle(time, TimeSpan.FromSeconds(60), 2);

        Assert.True(throttle.TryAcquire("a", out _));
        Assert.True(throttle.TryAcquire("b", out _));
        Assert.True(throttle.TryAcquire("c", out _));

        Assert.Equal(2, throttle.Count);
        Assert.False(throttle.TryAcquire("c", out _));
        Assert.False(throttle.TryAcquire("b", out _));
        Assert.True(throttle.TryAcquire("a", out _));
        Assert.Equal(2, throttle.Count);
    }

    [Fact]
    public void Release_frees_only_the_slot_it_took()
    {
        var time = new FakeTimeProvider(TestHost.Start);
        var throttle = new ConnectionRequestThrottle(time, TimeSpan.FromSeconds(60), 10);

        Assert.True(throttle.TryAcquire("a", out long first));
        throttle.Release("a", first);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.TryAcquire("a", out _));
        throttle.Release("a", first);

        Assert.False(throttle.TryAcquire("a", out _));
    }

    [Fact]
    public async Task Memory_stays_bounded_by_the_capacity()
    {
        using var host = new TestHost(new() { ["ThrottleCapacity"] = "3", ["UdpCopies"] = "1" });
        using var sink = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)sink.Client.LocalEndPoint!).Port;

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(ConnectionRequestResult.UdpSent, await host.RequestAsync(null, $"127.0.0.1:{port}", deviceKey: $"D-{i}").Within($"request {i}"));
        }

        Assert.Equal(3, ((ConnectionRequestClient)host.Client).Throttle.Count);
    }
}
