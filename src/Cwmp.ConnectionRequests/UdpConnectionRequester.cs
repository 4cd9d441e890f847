using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Cwmp.ConnectionRequests;

/// <summary>
/// Sends the UDP connection request: several copies, because UDP may drop any of them, each with its own id (a CPE
/// drops a repeated id) and the same timestamp in seconds.
/// </summary>
internal sealed class UdpConnectionRequester(AddressSelector selector, ConnectionRequestOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Shared by all devices and increasing, so no CPE ever sees an id twice from this process.</summary>
    private uint _nextId = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);

    public async Task<ConnectionRequestResult> SendAsync(ConnectionRequestTarget target, UdpTargetAddress address, CancellationToken cancellationToken)
    {
        AddressSelection selection;
        using (var timeout = new CancellationTokenSource(options.Timeout, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                selection = await selector.SelectAsync(address.Host, linked.Token).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                Log.ResolveFailed(logger, target.DeviceKey, address.Host, exception.SocketErrorCode);
                return ConnectionRequestResult.Unreachable;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                Log.TimedOut(logger, target.DeviceKey, options.Timeout);
                return ConnectionRequestResult.Unreachable;
            }
        }

        if (selection.Allowed.Length == 0)
        {
            if (selection.Refusal == AddressRefusal.None)
            {
                Log.NameResolvedToNothing(logger, target.DeviceKey, address.Host);
                return ConnectionRequestResult.Unreachable;
            }

            Log.AddressRefused(logger, target.DeviceKey, "UDP", address.Host, selection.RefusedAddress, selection.Refusal);
            return ConnectionRequestResult.NoUsableUrl;
        }

        var endPoint = new IPEndPoint(selection.Allowed[0], address.Port);
        long unixSeconds = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        uint copies = (uint)options.UdpCopies;
        uint firstId = Interlocked.Add(ref _nextId, copies) - copies;
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            for (uint i = 0; i < copies; i++)
            {
                string cnonce = RandomNumberGenerator.GetHexString(16, lowercase: true);
                byte[] datagram = UdpConnectionRequestMessage.Build(
                    address.Authority, unixSeconds, firstId + i, target.Username, cnonce, target.Password);
                await socket.SendToAsync(datagram, SocketFlags.None, endPoint, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException exception)
        {
            Log.UdpSendFailed(logger, target.DeviceKey, exception.SocketErrorCode);
            return ConnectionRequestResult.Unreachable;
        }

        Log.UdpSent(logger, target.DeviceKey, options.UdpCopies, endPoint);
        return ConnectionRequestResult.UdpSent;
    }
}
