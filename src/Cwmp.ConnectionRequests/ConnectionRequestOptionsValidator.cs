using System.Net;
using Microsoft.Extensions.Options;

namespace Cwmp.ConnectionRequests;

/// <summary>Rejects settings that would make the client useless or unbounded, at start-up rather than on first use.</summary>
internal sealed class ConnectionRequestOptionsValidator : IValidateOptions<ConnectionRequestOptions>
{
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ConnectionRequestOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaximumTimeout)
        {
            failures.Add($"Timeout must be above zero and at most {MaximumTimeout}; it is {options.Timeout}.");
        }

        if (options.MinimumInterval < TimeSpan.Zero || options.MinimumInterval > MaximumInterval)
        {
            failures.Add($"MinimumInterval must be between zero and {MaximumInterval}; it is {options.MinimumInterval}.");
        }

        if (options.ThrottleCapacity is < 1 or > 10_000_000)
        {
            failures.Add($"ThrottleCapacity must be between 1 and 10000000; it is {options.ThrottleCapacity}.");
        }

        if (options.UdpCopies is < 1 or > 10)
        {
            failures.Add($"UdpCopies must be between 1 and 10; it is {options.UdpCopies}.");
        }

        foreach (string network in options.DeniedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                failures.Add($"DeniedNetworks entry '{network}' is not a network in CIDR notation.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
