using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cwmp.Swarm.Http;

/// <summary>
/// The HTTP/1.1 client of one CWMP session: one TCP connection, kept alive across the session's POSTs (a new one
/// when the ACS closes it), optionally bound to the device's own loopback source address so that the ACS sees one
/// address per device. Small and explicit so that quirks (chunked bodies, no Content-Type, a connection dropped in
/// the middle of a body) are exact.
/// </summary>
/// <remarks>
/// Response grammar read (RFC 9112): status-line CRLF *(field-line CRLF) CRLF [body], the body delimited by
/// Transfer-Encoding: chunked, else Content-Length, else the end of the connection; 1xx responses are skipped.
/// </remarks>
internal sealed class CpeHttpConnection : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly Uri _target;
    private readonly IPEndPoint _remote;
    private readonly IPAddress? _localAddress;
    private readonly int _maxBodyBytes;
    private readonly string _hostHeader;
    private Socket? _socket;
    private NetworkStream? _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _start;
    private int _end;
    private bool _reused;

    public CpeHttpConnection(Uri target, IPAddress remote, IPAddress? localAddress, int maxBodyBytes)
    {
        _target = target;
        _remote = new IPEndPoint(remote, target.Port);
        _localAddress = localAddress is not null && localAddress.AddressFamily == remote.AddressFamily ? localAddress : null;
        _maxBodyBytes = maxBodyBytes;
        _hostHeader = target.IsDefaultPort ? target.Host : string.Create(CultureInfo.InvariantCulture, $"{target.Host}:{target.Port}");
    }

    /// <summary>How many TCP connections this session opened.</summary>
    public int Connections { get; private set; }

    public async Task<CpeHttpResponse> SendAsync(CpeHttpRequest request, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            bool reused = _socket is not null && _reused;
            if (_socket is null)
            {
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await WriteAsync(request, cancellationToken).ConfigureAwait(false);
                _reused = true;
                return await ReadResponseAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt == 0 && reused && e is IOException or SocketException or StaleConnectionException)
            {
                // The ACS closed the kept-alive connection between two POSTs: open a new one, as a CPE does.
                Close();
            }
        }
    }

    /// <summary>Fault injection: sends the headers and part of the body, then resets the connection.</summary>
    public async Task SendAndDropAsync(CpeHttpRequest request, CancellationToken cancellationToken)
    {
        if (_socket is null)
        {
            await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // Already gone: the drop happened anyway.
        }

        _socket!.LingerState = new LingerOption(true, 0);
        Close();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(_remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (_localAddress is not null)
            {
                socket.Bind(new IPEndPoint(_localAddress, 0));
            }

            await socket.ConnectAsync(_remote, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _start = _end = 0;
        _reused = false;
        Connections++;
    }

    private async Task WriteAsync(CpeHttpRequest request, CancellationToken cancellationToken)
    {
        var head = new StringBuilder(256);
        head.Append("POST ").Append(_target.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(_hostHeader).Append("\r\n");
        head.Append("User-Agent: Cwmp.Swarm/1.0\r\n");
        if (!request.OmitContentType && !request.Body.IsEmpty)
        {
            head.Append("Content-Type: text/xml; charset=\"utf-8\"\r\n");
        }

        if (request.SoapAction)
        {
            head.Append("SOAPAction: \"\"\r\n");
        }

        if (request.Cookie is not null)
        {
            head.Append("Cookie: ").Append(request.Cookie).Append("\r\n");
        }

        if (request.Authorization is not null)
        {
            head.Append("Authorization: ").Append(request.Authorization).Append("\r\n");
        }

        head.Append(request.Chunked ? "Transfer-Encoding: chunked\r\n" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {request.Body.Length}\r\n"));
        head.Append("\r\n");

        using var output = new PooledWriter(head.Length + request.Body.Length + 64);
        output.WriteAscii(head.ToString());
        if (request.Chunked)
        {
            // Two chunks, so that an ACS that reads only the first one is caught.
            int half = request.Body.Length / 2;
            foreach (ReadOnlyMemory<byte> chunk in new[] { request.Body[..half], request.Body[half..] })
            {
                if (!chunk.IsEmpty)
                {
                    output.WriteAscii(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                    output.Write(chunk.Span);
                    output.WriteAscii("\r\n");
                }
            }

            output.WriteAscii("0\r\n\r\n");
        }
        else
        {
            output.Write(request.Body.Span);
        }

        ReadOnlyMemory<byte> bytes = output.Written;
        if (request.DropAfterBytes is int keep)
        {
            bytes = bytes[..Math.Min(bytes.Length, head.Length + Math.Max(0, keep))];
        }

        await _stream!.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CpeHttpResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int headerEnd = await FillUntilHeaderEndAsync(cancellationToken).ConfigureAwait(false);
            string head = Encoding.Latin1.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + 4;
            string[] lines = head.Split("\r\n");
            string[] status = lines[0].Split(' ', 3);
            if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out int code))
            {
                throw new IOException($"Not an HTTP response: '{lines[0]}'.");
            }

            var headers = new HttpHeaderList();
            foreach (string line in lines.Skip(1))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
                }
            }

            if (code is >= 100 and < 200)
            {
                continue;
            }

            byte[] body;
            bool closeAfter = string.Equals(headers.Get("Connection"), "close", StringComparison.OrdinalIgnoreCase)
                || (status[0] == "HTTP/1.0" && !string.Equals(headers.Get("Connection"), "keep-alive", StringComparison.OrdinalIgnoreCase));
            if (code is 204 or 304)
            {
                body = [];
            }
            else if (headers.Get("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = await ReadChunkedAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (headers.Get("Content-Length") is { } lengthText)
            {
                if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length > _maxBodyBytes)
                {
                    throw new IOException($"Content-Length '{lengthText}' is invalid or too large.");
                }

                body = new byte[length];
                await ReadExactAsync(body, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                body = await ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                closeAfter = true;
            }

            if (closeAfter)
            {
                Close();
            }

            return new CpeHttpResponse(code, headers, body);
        }
    }

    private async Task<int> FillUntilHeaderEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                return _start + found;
            }

            if (_end - _start >= MaxHeaderBytes)
            {
                throw new IOException("The response header is too large.");
            }

            if (await ReadMoreAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw _end == _start ? new StaleConnectionException() : new IOException("The connection closed inside a response header.");
            }
        }
    }

    private async Task<int> ReadMoreAsync(CancellationToken cancellationToken)
    {
        if (_start > 0 && _start == _end)
        {
            _start = _end = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }

        int read = await _stream!.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    private async Task ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        int buffered = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(destination.Span);
        _start += buffered;
        int filled = buffered;
        while (filled < destination.Length)
        {
            int read = await _stream!.ReadAsync(destination[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The connection closed inside a response body.");
            }

            filled += read;
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int found = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (found >= 0)
            {
                string line = Encoding.Latin1.GetString(_buffer, _start, found);
                _start += found + 2;
                return line;
            }

            if (_end - _start > 1024 || await ReadMoreAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("Bad chunk framing.");
            }
        }
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            string sizeLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            int semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            if (!int.TryParse(semicolon < 0 ? sizeLine.Trim() : sizeLine[..semicolon].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size)
                || size < 0 || body.WrittenCount + size > _maxBodyBytes)
            {
                throw new IOException($"Bad chunk size '{sizeLine}'.");
            }

            if (size == 0)
            {
                // Trailers, then the empty line.
                while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                {
                }

                return body.WrittenSpan.ToArray();
            }

            await ReadExactAsync(body.GetMemory(size)[..size], cancellationToken).ConfigureAwait(false);
            body.Advance(size);
            if ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length != 0)
            {
                throw new IOException("Bad chunk framing.");
            }
        }
    }

    private async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>(4096);
        body.Write(_buffer.AsSpan(_start, _end - _start));
        _start = _end;
        while (true)
        {
            Memory<byte> memory = body.GetMemory(8192);
            int read = await _stream!.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return body.WrittenSpan.ToArray();
            }

            body.Advance(read);
            if (body.WrittenCount > _maxBodyBytes)
            {
                throw new IOException("The response body is too large.");
            }
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        _stream = null;
        _socket = null;
        _start = _end = 0;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        byte[] buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A kept-alive connection that the server had closed before we used it again.</summary>
    private sealed class StaleConnectionException : IOException
    {
        public StaleConnectionException()
            : base("The connection was closed by the server.")
        {
        }
    }

    private sealed class PooledWriter(int capacity) : IDisposable
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(capacity);
        private int _length;

        public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, _length);

        public void WriteAscii(string text)
        {
            Ensure(text.Length);
            _length += Encoding.ASCII.GetBytes(text, _bytes.AsSpan(_length));
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
        }

        private void Ensure(int more)
        {
            if (_length + more <= _bytes.Length)
            {
                return;
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + more));
            Buffer.BlockCopy(_bytes, 0, larger, 0, _length);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);
    }
}
