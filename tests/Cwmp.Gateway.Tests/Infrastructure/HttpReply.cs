using System.IO.Compression;
using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>One HTTP response as it came off the wire.</summary>
internal sealed record HttpReply(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => HeaderValues(name) is [var first, ..] ? first : null;

    public IReadOnlyList<string> HeaderValues(string name) =>
        [.. Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    /// <summary>The body after Content-Encoding.</summary>
    public byte[] DecodedBody()
    {
        string? coding = Header("Content-Encoding");
        if (coding is null)
        {
            return Body;
        }

        using var input = new MemoryStream(Body);
        using Stream decoder = coding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    public string Text => Encoding.UTF8.GetString(DecodedBody());

    public CwmpEnvelope Envelope() =>
        CwmpParser.Parse(DecodedBody()) ?? throw new Xunit.Sdk.XunitException($"Expected an envelope, got an empty {Status} reply.");

    /// <summary>The session cookie pair ("cwmp-session=…") of Set-Cookie, without attributes.</summary>
    public string SessionCookie()
    {
        string setCookie = HeaderValues("Set-Cookie").SingleOrDefault(c => c.StartsWith("cwmp-session=", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The {Status} reply sets no cwmp-session cookie.");
        return setCookie.Split(';')[0];
    }

    public override string ToString() => $"{Status} {string.Join(", ", Headers.Select(h => $"{h.Key}: {h.Value}"))} | {Encoding.UTF8.GetString(Body)}";
}
