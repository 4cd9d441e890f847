using System.Globalization;
using System.Text;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>The exact bytes of one CPE POST: headers as given, body as given, framed by Content-Length, chunks, or nothing.</summary>
internal sealed class CpeRequest(string description, byte[] body)
{
    private readonly List<(string Name, string Value)> _headers =
    [
        ("Content-Type", "text/xml; charset=\"utf-8\""),
        ("SOAPAction", string.Empty),
        ("User-Agent", "test-cpe/1.0"),
    ];

    public CpeRequest(string description, string body)
        : this(description, Encoding.UTF8.GetBytes(body))
    {
    }

    public string Description { get; } = description;

    public byte[] Body { get; } = body;

    public Framing Framing { get; private set; } = Framing.ContentLength;

    public string Path { get; private set; } = GatewayHost.Path;

    public static CpeRequest Empty(string description) => new(description, []);

    public CpeRequest With(string name, string value)
    {
        _headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        _headers.Add((name, value));
        return this;
    }

    public CpeRequest Without(string name)
    {
        _headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    public CpeRequest Framed(Framing framing)
    {
        Framing = framing;
        return this;
    }

    /// <summary>The request line and headers, ending with the blank line.</summary>
    public byte[] Head(int port)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"POST {Path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
        foreach ((string name, string value) in _headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        switch (Framing)
        {
            case Framing.ContentLength:
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
                break;
            case Framing.Chunked:
                head.Append("Transfer-Encoding: chunked\r\n");
                break;
            default:
                break;
        }

        head.Append("\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }

    /// <summary>The body as framed: chunked bodies are cut into three chunks, the way CPE HTTP stacks stream them.</summary>
    public byte[] FramedBody()
    {
        if (Framing != Framing.Chunked)
        {
            return Body;
        }

        using var output = new MemoryStream();
        int chunk = Math.Max(1, (Body.Length + 2) / 3);
        for (int offset = 0; offset < Body.Length; offset += chunk)
        {
            int length = Math.Min(chunk, Body.Length - offset);
            output.Write(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(Body.AsSpan(offset, length));
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}

internal enum Framing
{
    ContentLength,
    Chunked,

    /// <summary>Neither Content-Length nor Transfer-Encoding: an HTTP/1.1 request without a body.</summary>
    None,
}
