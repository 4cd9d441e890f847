using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Http;

/// <summary>
/// The swarm's one UDP socket for TR-111 connection requests (TR-069 Annex G, checklist §4): a datagram
/// "GET http://host:port?ts=&amp;id=&amp;un=&amp;cn=&amp;sig= HTTP/1.1". The device is found by un, sig must be
/// hex(HMAC-SHA1(ConnectionRequestPassword, ts‖id‖un‖cn)) in any case, ts is in seconds; a repeated id (the ACS
/// sends several copies) or a ts older than the last accepted one is dropped.
/// </summary>
internal sealed class UdpConnectionRequestListener : IAsyncDisposable
{
    private const int MaxDatagram = 2048;
    private readonly UdpClient _socket;
    private readonly SwarmContext _context;
    private readonly CpeRuntime _runtime;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<SimulatedCpe, (long Timestamp, uint Id)> _last = new();
    private readonly Task _loop;

    public UdpConnectionRequestListener(SwarmContext context, CpeRuntime runtime, int port)
    {
        _context = context;
        _runtime = runtime;
        _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
        Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _socket.ReceiveAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (datagram.Buffer.Length <= MaxDatagram)
            {
                Handle(datagram.Buffer);
            }
        }
    }

    internal UdpVerdict Handle(byte[] datagram)
    {
        UdpVerdict verdict = Verify(datagram, out SimulatedCpe? cpe);
        switch (verdict)
        {
            case UdpVerdict.Accepted:
                _context.Statistics.UdpConnectionRequest();
                _runtime.Raise(cpe!, CpeSignal.ConnectionRequest);
                break;
            case UdpVerdict.Duplicate:
                break;
            default:
                _context.Statistics.RejectedConnectionRequest();
                break;
        }

        return verdict;
    }

    private UdpVerdict Verify(byte[] datagram, out SimulatedCpe? cpe)
    {
        cpe = null;
        string text = Encoding.ASCII.GetString(datagram);
        string firstLine = text.Split("\r\n", 2)[0];
        string[] parts = firstLine.Split(' ');
        int question = parts.Length == 3 ? parts[1].IndexOf('?', StringComparison.Ordinal) : -1;
        if (parts.Length != 3 || parts[0] != "GET" || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || question < 0)
        {
            return UdpVerdict.Malformed;
        }

        var query = HttpUtility.ParseQueryString(parts[1][(question + 1)..]);
        string? ts = query["ts"], id = query["id"], un = query["un"], cn = query["cn"], sig = query["sig"];
        if (ts is null || id is null || un is null || cn is null || sig is null
            || !long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            || !uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out uint messageId))
        {
            return UdpVerdict.Malformed;
        }

        if (!_context.TryFindByConnectionRequestUsername(un, out SimulatedCpe? found) || !found.AcceptsConnectionRequests || found.IsRebooting)
        {
            return UdpVerdict.UnknownDevice;
        }

#pragma warning disable CA5350 // TR-111 defines the signature as HMAC-SHA1.
        byte[] expected = HMACSHA1.HashData(Encoding.UTF8.GetBytes(found.ConnectionRequestCredentials.Password), Encoding.UTF8.GetBytes(ts + id + un + cn));
#pragma warning restore CA5350
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(sig.ToLowerInvariant())))
        {
            return UdpVerdict.BadSignature;
        }

        cpe = found;
        var current = (timestamp, messageId);
        while (true)
        {
            if (!_last.TryGetValue(found, out (long Timestamp, uint Id) last))
            {
                if (_last.TryAdd(found, current))
                {
                    return UdpVerdict.Accepted;
                }

                continue;
            }

            if (last.Id == messageId)
            {
                return UdpVerdict.Duplicate;
            }

            if (timestamp < last.Timestamp)
            {
                return UdpVerdict.Replayed;
            }

            if (_last.TryUpdate(found, current, last))
            {
                return UdpVerdict.Accepted;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}

internal enum UdpVerdict
{
    Accepted,
    Duplicate,
    Replayed,
    BadSignature,
    UnknownDevice,
    Malformed,
}
