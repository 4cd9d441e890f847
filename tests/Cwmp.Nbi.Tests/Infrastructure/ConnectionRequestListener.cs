using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>The CPE's connection request server: accepts one HTTP request on loopback, answers 200, reports the request line.</summary>
internal sealed class ConnectionRequestListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ConnectionRequestListener()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/cr";
        Received = AcceptOneAsync();
    }

    public string Url { get; }

    /// <summary>The request line of the first connection request ("GET /cr HTTP/1.1").</summary>
    public Task<string> Received { get; }

    private async Task<string> AcceptOneAsync()
    {
        using TcpClient client = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = client.GetStream();
        var head = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        await stream.FlushAsync();
        return head.ToString().Split("\r\n")[0];
    }

    public void Dispose() => _listener.Stop();
}
