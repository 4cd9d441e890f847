using System.Net;

namespace Cwmp.ConnectionRequests;

/// <summary>Resolves a host (an IP literal needs no lookup) and keeps the addresses the policy allows.</summary>
internal sealed class AddressSelector(IHostResolver resolver, AddressPolicy policy)
{
    /// <summary>
    /// Resolver failures (unknown name, no answer) surface as their exceptions, and an empty answer as an empty
    /// selection with <see cref="AddressRefusal.None"/>: both mean the device is unreachable, not refused.
    /// </summary>
    public async Task<AddressSelection> SelectAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] candidates = IPAddress.TryParse(host, out IPAddress? literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);

        var allowed = new List<IPAddress>(candidates.Length);
        AddressRefusal firstRefusal = AddressRefusal.None;
        IPAddress? firstRefused = null;
        foreach (IPAddress candidate in candidates)
        {
            AddressRefusal refusal = policy.Check(candidate);
            if (refusal == AddressRefusal.None)
            {
                allowed.Add(candidate);
            }
            else if (firstRefused is null)
            {
                firstRefusal = refusal;
                firstRefused = candidate;
            }
        }

        return allowed.Count > 0
            ? new AddressSelection([.. allowed], AddressRefusal.None, null)
            : new AddressSelection([], firstRefusal, firstRefused);
    }
}
