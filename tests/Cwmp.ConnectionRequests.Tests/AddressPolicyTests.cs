using System.Net;
using Cwmp.ConnectionRequests.Tests.Infrastructure;

namespace Cwmp.ConnectionRequests.Tests;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("127.10.20.30", "Loopback")]
    [InlineData("::1", "Loopback")]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("64:ff9b::7f00:1", "Loopback")]
    [InlineData("169.254.1.1", "LinkLocal")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("febf::1", "LinkLocal")]
    [InlineData("169.254.169.254", "CloudMetadata")]
    [InlineData("::ffff:169.254.169.254", "CloudMetadata")]
    [InlineData("169.254.170.2", "CloudMetadata")]
    [InlineData("100.100.100.200", "CloudMetadata")]
    [InlineData("fd00:ec2::254", "CloudMetadata")]
    [InlineData("0.0.0.0", "Unspecified")]
    [InlineData("0.1.2.3", "Unspecified")]
    [InlineData("::", "Unspecified")]
    [InlineData("224.0.0.1", "Multicast")]
    [InlineData("239.255.255.250", "Multicast")]
    [InlineData("ff02::1", "Multicast")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("255.255.255.255", "Reserved")]
    [InlineData("8.8.8.8", "None")]
    [InlineData("2001:4860:4860::8888", "None")]
    [InlineData("10.1.2.3", "None")]
    [InlineData("172.16.0.1", "None")]
    [InlineData("192.168.1.1", "None")]
    [InlineData("100.64.0.1", "None")]
    [InlineData("fd12:3456::1", "None")]
    [InlineData("169.253.255.255", "None")]
    [InlineData("172.32.0.1", "None")]
    public void Default_policy(string address, string expected) =>
        Assert.Equal(Enum.Parse<AddressRefusal>(expected), new AddressPolicy(new ConnectionRequestOptions()).Check(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("fc00::1")]
    [InlineData("fec0::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_ranges_are_refused_when_not_allowed(string address) =>
        Assert.Equal(AddressRefusal.PrivateNetwork, new AddressPolicy(new ConnectionRequestOptions { AllowPrivateNetworks = false }).Check(IPAddress.Parse(address)));

    [Fact]
    public void Allowing_loopback_and_link_local_still_refuses_metadata()
    {
        var policy = new AddressPolicy(new ConnectionRequestOptions { AllowLoopback = true, AllowLinkLocal = true });

        Assert.Equal(
            [AddressRefusal.None, AddressRefusal.None, AddressRefusal.None, AddressRefusal.CloudMetadata],
            new[] { "127.0.0.1", "::1", "169.254.1.1", "169.254.169.254" }.Select(a => policy.Check(IPAddress.Parse(a))));
    }

    [Fact]
    public void Metadata_needs_both_switches_when_it_is_link_local()
    {
        var metadataOnly = new AddressPolicy(new ConnectionRequestOptions { AllowCloudMetadata = true });
        var both = new AddressPolicy(new ConnectionRequestOptions { AllowCloudMetadata = true, AllowLinkLocal = true });
        IPAddress metadata = IPAddress.Parse("169.254.169.254");

        Assert.Equal((AddressRefusal.LinkLocal, AddressRefusal.None), (metadataOnly.Check(metadata), both.Check(metadata)));
    }

    [Fact]
    public void Denied_networks_are_refused_even_when_otherwise_allowed()
    {
        var options = new ConnectionRequestOptions { AllowLoopback = true };
        options.DeniedNetworks.Add("203.0.113.0/24");
        options.DeniedNetworks.Add("127.0.0.2/32");
        options.DeniedNetworks.Add("2001:db8::/32");
        var policy = new AddressPolicy(options);

        Assert.Equal(
            [AddressRefusal.DeniedNetwork, AddressRefusal.DeniedNetwork, AddressRefusal.None, AddressRefusal.DeniedNetwork, AddressRefusal.None],
            new[] { "203.0.113.9", "127.0.0.2", "127.0.0.1", "2001:db8::5", "198.51.100.1" }.Select(a => policy.Check(IPAddress.Parse(a))));
    }

    [Fact]
    public async Task Loopback_cpe_is_refused_by_default_without_any_connection()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open));
        using var host = new TestHost(allowLoopback: false);

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync(cpe.Url).Within("the refusal"));
        Assert.Equal(0, cpe.Connections);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2104
            && Equals(e.State["Refusal"], AddressRefusal.Loopback)
            && Equals(e.State["DeviceKey"], "00D09E-Router-SN0001"));
    }

    [Fact]
    public async Task Host_name_resolving_to_loopback_is_refused_without_any_connection()
    {
        await using var cpe = new TestCpe(new CpeBehavior(CpeMode.Open));
        using var host = new TestHost(allowLoopback: false);

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync($"http://localhost:{cpe.Port}/").Within("the refusal"));
        Assert.Equal(0, cpe.Connections);
    }

    [Theory]
    [InlineData("http://169.254.10.10/cr")]
    [InlineData("http://[fe80::1]:7547/cr")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0:7547/")]
    [InlineData("http://224.0.0.1:7547/")]
    public async Task Refused_literal_address_gives_no_usable_url(string url)
    {
        using var host = new TestHost(new() { ["AllowLinkLocal"] = url.Contains("169.254.169.254", StringComparison.Ordinal) ? "true" : "false" });

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync(url).Within("the refusal"));
    }

    [Fact]
    public async Task Host_name_resolving_to_metadata_is_refused()
    {
        var resolver = new FakeResolver(new() { ["cpe.example"] = [IPAddress.Parse("169.254.169.254")] });
        using var host = new TestHost(resolver: resolver);

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync("http://cpe.example:7547/").Within("the refusal"));
        Assert.Equal(1, resolver.Lookups);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("https://127.0.0.1:7547/cr")]
    [InlineData("ftp://127.0.0.1/cr")]
    [InlineData("http://user:pw@127.0.0.1:7547/cr")]
    public async Task Unusable_url_without_udp_address_gives_no_usable_url(string? url)
    {
        using var host = new TestHost();

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync(url).Within("the refusal"));
    }

    [Fact]
    public async Task Refusal_does_not_use_up_the_throttle()
    {
        using var host = new TestHost(allowLoopback: false);

        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync("http://127.0.0.1:7547/").Within("the first refusal"));
        Assert.Equal(ConnectionRequestResult.NoUsableUrl, await host.RequestAsync("http://127.0.0.1:7547/").Within("the second refusal"));
    }
}
