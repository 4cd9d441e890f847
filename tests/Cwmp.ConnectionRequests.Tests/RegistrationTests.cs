using Cwmp.ConnectionRequests.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.ConnectionRequests.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Options_are_bound_from_the_section()
    {
        using ServiceProvider services = Build(new()
        {
            ["Cwmp:ConnectionRequests:Timeout"] = "00:00:02.5",
            ["Cwmp:ConnectionRequests:MinimumInterval"] = "00:02:00",
            ["Cwmp:ConnectionRequests:ThrottleCapacity"] = "1000",
            ["Cwmp:ConnectionRequests:UdpCopies"] = "2",
            ["Cwmp:ConnectionRequests:AllowBasicAuthentication"] = "true",
            ["Cwmp:ConnectionRequests:AllowLoopback"] = "true",
            ["Cwmp:ConnectionRequests:AllowLinkLocal"] = "true",
            ["Cwmp:ConnectionRequests:AllowCloudMetadata"] = "true",
            ["Cwmp:ConnectionRequests:AllowPrivateNetworks"] = "false",
            ["Cwmp:ConnectionRequests:DeniedNetworks:0"] = "203.0.113.0/24",
            ["Cwmp:ConnectionRequests:DeniedNetworks:1"] = "2001:db8::/32",
        });

        ConnectionRequestOptions o = services.GetRequiredService<IOptions<ConnectionRequestOptions>>().Value;

        Assert.Equal(
            (TimeSpan.FromMilliseconds(2500), TimeSpan.FromMinutes(2), 1000, 2, true, true, true, true, false),
            (o.Timeout, o.MinimumInterval, o.ThrottleCapacity, o.UdpCopies, o.AllowBasicAuthentication, o.AllowLoopback, o.AllowLinkLocal, o.AllowCloudMetadata, o.AllowPrivateNetworks));
        Assert.Equal(["203.0.113.0/24", "2001:db8::/32"], o.DeniedNetworks);
    }

    [Fact]
    public void Defaults_are_safe()
    {
        using ServiceProvider services = Build([]);

        ConnectionRequestOptions o = services.GetRequiredService<IOptions<ConnectionRequestOptions>>().Value;

        Assert.Equal(
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 100_000, 3, false, false, false, false, true, 0),
            (o.Timeout, o.MinimumInterval, o.ThrottleCapacity, o.UdpCopies, o.AllowBasicAuthentication, o.AllowLoopback, o.AllowLinkLocal, o.AllowCloudMetadata, o.AllowPrivateNetworks, o.DeniedNetworks.Count));
    }

    [Fact]
    public void Client_is_one_singleton()
    {
        using ServiceProvider services = Build([]);

        Assert.Same(services.GetRequiredService<IConnectionRequestClient>(), services.GetRequiredService<IConnectionRequestClient>());
    }

    [Theory]
    [InlineData("Timeout", "00:00:00", "Timeout must be above zero and at most 00:02:00; it is 00:00:00.")]
    [InlineData("Timeout", "00:05:00", "Timeout must be above zero and at most 00:02:00; it is 00:05:00.")]
    [InlineData("MinimumInterval", "-00:00:01", "MinimumInterval must be between zero and 1.00:00:00; it is -00:00:01.")]
    [InlineData("ThrottleCapacity", "0", "ThrottleCapacity must be between 1 and 10000000; it is 0.")]
    [InlineData("UdpCopies", "11", "UdpCopies must be between 1 and 10; it is 11.")]
    [InlineData("DeniedNetworks:0", "10.0.0.0/33", "DeniedNetworks entry '10.0.0.0/33' is not a network in CIDR notation.")]
    public void Invalid_settings_are_rejected(string key, string value, string failure)
    {
        using ServiceProvider services = Build(new() { ["Cwmp:ConnectionRequests:" + key] = value });

        OptionsValidationException exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IConnectionRequestClient>());
        Assert.Equal([failure], exception.Failures);
    }

    [Fact]
    public void Options_are_validated_on_start()
    {
        var services = new ServiceCollection();
        services.AddCwmpConnectionRequests(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<ConnectionRequestOptions>) && d.ImplementationType == typeof(ConnectionRequestOptionsValidator));
        Assert.Contains(services, d => d.ServiceType.Name == "IStartupValidator");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCwmpConnectionRequests(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
