using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Http;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7547/", true)]
    [InlineData("http://127.9.8.7/acs", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("http://localhost:7547/", true)]
    [InlineData("https://127.0.0.1/", true)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("http://192.168.1.1:7547/", false)]
    [InlineData("http://172.16.0.1/", false)]
    [InlineData("http://198.51.100.1/", false)]
    [InlineData("http://example.com/", false)]
    [InlineData("http://[::ffff:10.0.0.1]/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void Only_loopback_http_URLs_are_targets(string url, bool allowed)
    {
        Assert.Equal(allowed, LoopbackGuard.TryParseLoopback(url, out _));
    }

    [Fact]
    public void The_command_line_refuses_an_ACS_off_loopback_and_unknown_options()
    {
        Assert.Contains("not on loopback", Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--acs-url", "http://192.0.2.10:7547/"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--devices", "10"]));
        Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--acs-url", "https://127.0.0.1/"]));
        Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--acs-url", "http://127.0.0.1/", "--bogus", "1"]));
        Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--acs-url", "http://127.0.0.1/", "--quirks", "nonsense"]));
        Assert.Throws<ArgumentException>(() => SwarmOptionsParser.Parse(["--acs-url", "http://127.0.0.1/", "--fault-9002", "0.6", "--fault-drop", "0.6"]));
        SwarmOptions options = SwarmOptionsParser.Parse(
            ["--acs-url", "http://127.0.0.1:7547/", "--scenario", "storm", "--devices", "100000", "--duration", "30", "--max-sessions", "5000", "--quirk-share", "0.1", "--quirks", "chunked,no-cookies", "--no-progress"]);
        Assert.Equal(ScenarioKind.Storm, options.Scenario);
        Assert.Equal(100_000, options.Devices);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(5000, options.MaxSessions);
        Assert.Equal(["chunked", "no-cookies"], options.QuirkProfiles);
        Assert.False(options.Progress);
    }

    [Fact]
    public void The_latency_histogram_reports_upper_bucket_bounds_within_3_percent()
    {
        var histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(100, histogram.Count);
        Assert.Equal(TimeSpan.FromMicroseconds(LatencyHistogram.UpperBound(LatencyHistogram.IndexOf(50_000))), histogram.Percentile(0.50));
        Assert.Equal(TimeSpan.FromMicroseconds(LatencyHistogram.UpperBound(LatencyHistogram.IndexOf(99_000))), histogram.Percentile(0.99));
        Assert.InRange(histogram.Percentile(0.95).TotalMilliseconds, 95, 95 * 1.035);
        for (long micros = 1; micros < 10_000_000; micros = (micros * 3 / 2) + 1)
        {
            long bound = LatencyHistogram.UpperBound(LatencyHistogram.IndexOf(micros));
            Assert.InRange(bound, micros, Math.Max(micros + 1, micros * 1.035));
        }
    }

    [Fact]
    public void Digest_client_and_verifier_agree_and_a_wrong_password_fails()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SwarmHarness.Start);
        var verifier = new DigestVerifier(time);
        var client = new ClientAuthenticator("user", "pw");
        Assert.True(client.Accept([verifier.Challenge()]));
        Assert.Equal(DigestResult.Valid, verifier.Verify(client.Authorize("GET", "/cr/x"), "GET", "user", "pw"));
        Assert.Equal(DigestResult.Invalid, verifier.Verify(client.Authorize("GET", "/cr/x"), "GET", "user", "other"));
        Assert.Equal(DigestResult.Missing, verifier.Verify(null, "GET", "user", "pw"));
        string late = client.Authorize("GET", "/cr/x")!;
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(DigestResult.Stale, verifier.Verify(late, "GET", "user", "pw"));
    }

    [Fact]
    public void Device_hashes_are_stable_and_spread()
    {
        Assert.Equal(DeviceHash.Unit(1, 42, 3), DeviceHash.Unit(1, 42, 3));
        double[] values = [.. Enumerable.Range(0, 10_000).Select(i => DeviceHash.Unit(7, i, 1))];
        Assert.All(values, v => Assert.InRange(v, 0, 1));
        Assert.InRange(values.Count(v => v < 0.3), 2800, 3200);
    }
}
