using Cwmp.ConnectionRequests;
using Cwmp.Grains;
using GrainTarget = Cwmp.Grains.ConnectionRequestTarget;
using ClientTarget = Cwmp.ConnectionRequests.ConnectionRequestTarget;

namespace Cwmp.Server.ConnectionRequests;

/// <summary>
/// Lets the device grains wake CPEs through the connection-request client. The two libraries do not know each other
/// (the client has no Orleans dependency), so the host translates between their target and outcome types.
/// </summary>
internal sealed class ConnectionRequesterAdapter(IConnectionRequestClient client) : IConnectionRequester
{
    public async Task<ConnectionRequestOutcome> RequestAsync(GrainTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = await client.RequestAsync(ToClientTarget(target), cancellationToken).ConfigureAwait(false);
        return ToOutcome(result);
    }

    internal static ClientTarget ToClientTarget(GrainTarget target) =>
        new(target.DeviceKey, target.ConnectionRequestUrl, target.UdpConnectionRequestAddress, target.Username ?? string.Empty, target.Password ?? string.Empty);

    // Spelled out rather than cast: a member added to one enum only must fail here, not turn into a wrong outcome.
    internal static ConnectionRequestOutcome ToOutcome(ConnectionRequestResult result) => result switch
    {
        ConnectionRequestResult.Accepted => ConnectionRequestOutcome.Accepted,
        ConnectionRequestResult.SessionOpen => ConnectionRequestOutcome.SessionOpen,
        ConnectionRequestResult.Throttled => ConnectionRequestOutcome.Throttled,
        ConnectionRequestResult.Unauthorized => ConnectionRequestOutcome.Unauthorized,
        ConnectionRequestResult.Unreachable => ConnectionRequestOutcome.Unreachable,
        ConnectionRequestResult.NoUsableUrl => ConnectionRequestOutcome.NoUsableUrl,
        ConnectionRequestResult.UdpSent => ConnectionRequestOutcome.UdpSent,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "No ConnectionRequestOutcome for this connection request result."),
    };
}
