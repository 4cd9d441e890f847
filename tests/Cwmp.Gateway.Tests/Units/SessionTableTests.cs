using Cwmp.Gateway.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Gateway.Tests.Units;

public sealed class SessionTableTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sessions_are_admitted_up_to_the_limit_and_leave_when_removed()
    {
        SessionTable table = Table(maxSessions: 2);

        Assert.True(table.TryAdmit("a", null));
        Assert.True(table.TryAdmit("b", null));
        Assert.False(table.TryAdmit("c", null));
        Assert.True(table.TryAdmit("a", null));
        Assert.Equal(2, table.AdmittedSessions);

        table.Remove("a");
        Assert.True(table.TryAdmit("c", null));
        Assert.Equal(2, table.AdmittedSessions);
    }

    [Fact]
    public void Silent_sessions_expire_after_the_timeout_and_activity_keeps_them()
    {
        SessionTable table = Table(maxSessions: 1);
        Assert.True(table.TryAdmit("a", null));
        table.Seen("a", "s1");

        _time.Advance(TimeSpan.FromSeconds(25));
        table.Seen("a", "s1");
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.False(table.TryAdmit("b", null));

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(table.TryAdmit("b", null));
        Assert.Equal(1, table.AdmittedSessions);
    }

    [Fact]
    public void A_longer_session_timeout_asked_by_the_cpe_is_honoured_up_to_the_maximum()
    {
        SessionTable table = Table(maxSessions: 1);
        Assert.True(table.TryAdmit("a", TimeSpan.FromHours(1)));

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(table.TryAdmit("b", null));
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True(table.TryAdmit("b", null));
    }

    [Fact]
    public void Unlimited_when_the_limit_is_zero()
    {
        SessionTable table = Table(maxSessions: 0);

        Assert.All(Enumerable.Range(0, 100), i => Assert.True(table.TryAdmit($"d{i}", null)));
        Assert.Equal(100, table.AdmittedSessions);
    }

    [Fact]
    public void The_locator_is_told_of_a_new_session_and_refreshed_after_half_its_ttl()
    {
        SessionTable table = Table(maxSessions: 10);

        Assert.True(table.Seen("a", "s1"));
        Assert.False(table.Seen("a", "s1"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(table.Seen("a", "s1"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(table.Seen("a", "s1"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(table.Seen("a", "s1"));
        Assert.True(table.Seen("a", "s2"));
        Assert.Equal(0, table.AdmittedSessions);
    }

    private SessionTable Table(int maxSessions)
    {
        var options = new CwmpGatewayOptions { MaxConcurrentSessions = maxSessions };
        return new SessionTable(new StaticOptionsMonitor<CwmpGatewayOptions>(options), _time);
    }
}

internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
