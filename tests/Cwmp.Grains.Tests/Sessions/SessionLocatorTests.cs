using Cwmp.Grains.Tests.Infrastructure;

namespace Cwmp.Grains.Tests.Sessions;

/// <summary>The last routing fallback: open sessions by remote address, answered only when unambiguous.</summary>
[Collection(ClusterTests.Name)]
public sealed class SessionLocatorTests(ClusterFixture fixture)
{
    [Fact]
    public async Task One_open_session_is_found_and_forgotten_when_it_ends()
    {
        ISessionLocatorGrain locator = fixture.Grains.GetGrain<ISessionLocatorGrain>("198.51.100.1");

        Assert.Equal(SessionLocation.None, await locator.FindAsync());
        await locator.RegisterAsync("dev-a", "s-1", TimeSpan.FromSeconds(30));
        Assert.Equal(new SessionLocation(SessionLocationStatus.Found, "dev-a", "s-1", 1), await locator.FindAsync());

        await locator.UnregisterAsync("dev-a", "s-other");
        Assert.Equal(SessionLocationStatus.Found, (await locator.FindAsync()).Status);
        await locator.UnregisterAsync("dev-a", "s-1");
        Assert.Equal(SessionLocation.None, await locator.FindAsync());
    }

    [Fact]
    public async Task Several_open_sessions_behind_one_address_are_ambiguous()
    {
        ISessionLocatorGrain locator = fixture.Grains.GetGrain<ISessionLocatorGrain>("198.51.100.2");
        await locator.RegisterAsync("dev-a", "s-1", TimeSpan.FromSeconds(30));
        await locator.RegisterAsync("dev-b", "s-2", TimeSpan.FromSeconds(30));

        Assert.Equal(new SessionLocation(SessionLocationStatus.Ambiguous, null, null, 2), await locator.FindAsync());

        await locator.UnregisterAsync("dev-b", "s-2");
        Assert.Equal(new SessionLocation(SessionLocationStatus.Found, "dev-a", "s-1", 1), await locator.FindAsync());
    }

    [Fact]
    public async Task An_entry_expires_after_its_lifetime_unless_refreshed()
    {
        ISessionLocatorGrain locator = fixture.Grains.GetGrain<ISessionLocatorGrain>("198.51.100.3");
        await locator.RegisterAsync("dev-a", "s-1", TimeSpan.FromSeconds(30));
        await locator.RegisterAsync("dev-b", "s-2", TimeSpan.FromSeconds(30));

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        await locator.RegisterAsync("dev-b", "s-2", TimeSpan.FromSeconds(30));
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new SessionLocation(SessionLocationStatus.Found, "dev-b", "s-2", 1), await locator.FindAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(SessionLocation.None, await locator.FindAsync());
    }
}
