using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>
/// One TCP connection of a CPE to a gateway, speaking HTTP/1.1 by hand so that the tests control every byte. Every
/// wait has a timeout whose message says what was awaited.
/// </summary>
internal sealed class CpeConnection : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly int _port;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private CpeConnection(TcpClient client, int port)
    {
        _client = client;
        _stream = client.GetStream();
        _port = port;
    }

    /// <summary>Connects to the gateway, from <paramref name="localAddress"/> when given (any 127.x.y.z works on Linux).</summary>
    public static async Task<CpeConnection> OpenAsync(int port, IPAddress? localAddress = null)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        if (localAddress is not null)
        {
            client.Client.Bind(new IPEndPoint(localAddress, 0));
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        return new CpeConnection(client, port);
    }

    /// <summary>Sends the request and reads its final reply (an interim 100 Continue is skipped).</summary>
    public async Task<HttpReply> PostAsync(CpeRequest request)
    {
        await SendAsync(request.Head(_port), $"the head of {request.Description}");
        await SendAsync(request.FramedBody(), $"the body of {request.Description}");
        HttpReply reply = await ReadReplyAsync($"the reply to {request.Description}");
        return reply.Status == 100 ? await ReadReplyAsync($"the final reply to {request.Description}") : reply;
    }

    public async Task SendAsync(byte[] bytes, string what)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await _stream.WriteAsync(bytes, timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s sending {what}.", e);
        }
    }

    public async Task<HttpReply> ReadReplyAsync(string awaited)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            string statusLine = await ReadLineAsync(awaited, timeout.Token);
            string[] parts = statusLine.Split(' ', 3);
            int status = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var headers = new List<KeyValuePair<string, string>>();
            for (string line = await ReadLineAsync(awaited, timeout.Token); line.Length > 0; line = await ReadLineAsync(awaited, timeout.Token))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }

            var reply = new HttpReply(status, headers, []);
            if (status is 100 or 204 or 304)
            {
                return reply;
            }

            if (reply.Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                using var body = new MemoryStream();
                while (true)
                {
                    int size = int.Parse(await ReadLineAsync(awaited, timeout.Token), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        await ReadLineAsync(awaited, timeout.Token);
                        return reply with { Body = body.ToArray() };
                    }

                    body.Write(await ReadExactAsync(size, awaited, timeout.Token));
                    await ReadLineAsync(awaited, timeout.Token);
                }
            }

            int length = int.Parse(reply.Header("Content-Length") ?? throw new InvalidOperationException($"No Content-Length in {reply}"), CultureInfo.InvariantCulture);
            return reply with { Body = await ReadExactAsync(length, awaited, timeout.Token) };
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {awaited}.", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> ReadLineAsync(string awaited, CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                string line = Encoding.ASCII.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            await FillAsync(awaited, cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactAsync(int count, string awaited, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        int copied = 0;
        while (copied < count)
        {
            if (_start == _end)
            {
                await FillAsync(awaited, cancellationToken);
            }

            int take = Math.Min(count - copied, _end - _start);
            Array.Copy(_buffer, _start, result, copied, take);
            _start += take;
            copied += take;
        }

        return result;
    }

    private async Task FillAsync(string awaited, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            throw new IOException($"The gateway closed the connection while the test waited for {awaited}.");
        }

        _end += read;
    }
}
