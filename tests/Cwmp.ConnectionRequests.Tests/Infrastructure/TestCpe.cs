using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>
/// A CPE's connection request server on loopback, on a raw TcpListener so that the tests control every byte and
/// every failure (no answer, reset). It records each request and checks Digest answers independently.
/// </summary>
internal sealed class TestCpe : IAsyncDisposable
{
    public const string Opaque = "5ccc069c403ebaf9f0171e9517f40e41";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;
    private int _connections;

    public TestCpe(CpeBehavior behavior, IPAddress? address = null)
    {
        Behavior = behavior;
        Nonce = RandomNumberGenerator.GetHexString(24, lowercase: true);
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public CpeBehavior Behavior { get; }

    public string Nonce { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Host => ((IPEndPoint)_listener.LocalEndpoint).AddressFamily == AddressFamily.InterNetworkV6 ? "[::1]" : "127.0.0.1";

    public string Url => $"http://{Host}:{Port}/cr?x=1";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Completes when the first request has been read completely.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (TcpClient client in _clients)
        {
            client.Dispose();
        }

        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _clients.Add(client);
            int number = Interlocked.Increment(ref _connections);
            _ = ServeAsync(client, number);
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        try
        {
            NetworkStream stream = client.GetStream();
            var buffer = new List<byte>();
            var chunk = new byte[4096];
            while (true)
            {
                int headEnd;
                while ((headEnd = FindHeadEnd(buffer)) < 0)
                {
                    int read = await stream.ReadAsync(chunk, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                string head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headEnd)]);
                buffer.RemoveRange(0, headEnd + 4);
                RecordedRequest request = Parse(head, connection, out bool closeAfter);
                while (buffer.Count < request.BodyLength)
                {
                    int read = await stream.ReadAsync(chunk, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                buffer.RemoveRange(0, request.BodyLength);
                _requests.Enqueue(request);
                _firstRequest.TrySetResult();

                string? response = Respond(request, out bool reset);
                if (reset)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                }

                if (response is null)
                {
                    continue;
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                if (closeAfter)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test ended.
        }
        finally
        {
            client.Dispose();
        }
    }

    private RecordedRequest Parse(string head, int connection, out bool closeAfter)
    {
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        string? length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
        string? authorization = headers.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
        closeAfter = headers.Any(h => h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase) && h.Value.Equals("close", StringComparison.OrdinalIgnoreCase));
        bool? valid = authorization is null ? null : CheckCredentials(authorization, requestLine[0], requestLine[1]);
        return new RecordedRequest(
            requestLine[0],
            requestLine[1],
            requestLine[2],
            headers,
            length is null ? 0 : int.Parse(length, CultureInfo.InvariantCulture),
            connection,
            valid);
    }

    private bool CheckCredentials(string authorization, string method, string target) => Behavior.Mode switch
    {
        CpeMode.Digest => DigestVerifier.Verify(authorization, method, target, Behavior, Nonce, Opaque),
        CpeMode.Basic => authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Behavior.Username}:{Behavior.Password}")),
        _ => false,
    };

    private string? Respond(RecordedRequest request, out bool reset)
    {
        reset = false;
        switch (Behavior.Mode)
        {
            case CpeMode.NeverAnswer:
                return null;
            case CpeMode.Reset:
                reset = true;
                return null;
            case CpeMode.Open:
                return Status(Behavior.SuccessStatus, string.Empty);
            case CpeMode.FixedStatus:
                return Status(Behavior.FixedStatus, Behavior.FixedHeaders);
            default:
                if (request.AuthorizationValid == true)
                {
                    return Status(Behavior.StatusAfterAuthentication ?? Behavior.SuccessStatus, string.Empty);
                }

                return Status(401, $"WWW-Authenticate: {Challenge()}\r\n");
        }
    }

    private string Challenge()
    {
        if (Behavior.Mode == CpeMode.Basic)
        {
            return $"Basic realm=\"{Behavior.Realm}\"";
        }

        var challenge = new StringBuilder($"Digest realm=\"{Behavior.Realm}\", nonce=\"{Nonce}\"");
        if (Behavior.Qop is not null)
        {
            challenge.Append(CultureInfo.InvariantCulture, $", qop=\"{Behavior.Qop}\"");
        }

        if (Behavior.Algorithm is not null)
        {
            challenge.Append(CultureInfo.InvariantCulture, $", algorithm={Behavior.Algorithm}");
        }

        return challenge.Append(CultureInfo.InvariantCulture, $", opaque=\"{Opaque}\"").ToString();
    }

    private static string Status(int code, string headers) =>
        $"HTTP/1.1 {code.ToString(CultureInfo.InvariantCulture)} {Reason(code)}\r\n{headers}Content-Length: 0\r\n\r\n";

    private static string Reason(int code) => code switch
    {
        200 => "OK",
        204 => "No Content",
        302 => "Found",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static int FindHeadEnd(List<byte> buffer)
    {
        for (int i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
