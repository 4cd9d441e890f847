using Cwmp.ConnectionRequests;
using Cwmp.Grains;
using Cwmp.Server.ConnectionRequests;

namespace Cwmp.Server.Tests;

public sealed class ConnectionRequesterAdapterTests
{
    [Fact]
    public void Every_client_result_maps_to_the_outcome_of_the_same_name_and_value()
    {
        Assert.Equal(Enum.GetNames<ConnectionRequestOutcome>(), Enum.GetNames<ConnectionRequestResult>());
        foreach (var result in Enum.GetValues<ConnectionRequestResult>())
        {
            var outcome = ConnectionRequesterAdapter.ToOutcome(result);
            Assert.Equal(result.ToString(), outcome.ToString());
            Assert.Equal((int)result, (int)outcome);
        }
    }

    [Fact]
    public void Unknown_credentials_become_empty_strings_and_the_addresses_pass_through()
    {
        var target = ConnectionRequesterAdapter.ToClientTarget(
            new Cwmp.Grains.ConnectionRequestTarget("00259E-HG8245-X", "http://192.0.2.1:7547/", "192.0.2.1:7547", null, null));

        Assert.Equal(new Cwmp.ConnectionRequests.ConnectionRequestTarget("00259E-HG8245-X", "http://192.0.2.1:7547/", "192.0.2.1:7547", "", ""), target);
    }
}
