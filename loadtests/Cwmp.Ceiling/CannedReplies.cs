using System.Text;
using Cwmp.Protocol;

namespace Cwmp.Ceiling;

/// <summary>
/// The InformResponse envelopes, written once by <see cref="CwmpWriter"/> (so byte for byte what the ACS sends) for
/// each cwmp namespace 1-0 … 1-4, split around the cwmp:ID so that a reply is three copies: head, echoed ID, tail.
/// </summary>
internal sealed class CannedReplies
{
    private const string Marker = "CEILING-ID-MARKER";
    private static readonly string[] Namespaces =
        [CwmpNamespaces.Cwmp10, CwmpNamespaces.Cwmp11, CwmpNamespaces.Cwmp12, CwmpNamespaces.Cwmp13, CwmpNamespaces.Cwmp14];

    private readonly (byte[] Head, byte[] Tail)[] _withId;
    private readonly byte[][] _withoutHeader;

    public CannedReplies()
    {
        _withId = [.. Namespaces.Select(ns => Split(CwmpWriter.WriteToArray(new CwmpEnvelope(ns, CwmpHeader.WithId(Marker), new InformResponse()))))];
        _withoutHeader = [.. Namespaces.Select(ns => CwmpWriter.WriteToArray(new CwmpEnvelope(ns, CwmpHeader.Empty, new InformResponse())))];
    }

    /// <summary>Head and tail around the ID, for the namespace minor version 0–4.</summary>
    public (byte[] Head, byte[] Tail) WithId(int minorVersion) => _withId[minorVersion];

    /// <summary>The whole envelope for a CPE that sent no SOAP header (gSOAP-like).</summary>
    public byte[] WithoutHeader(int minorVersion) => _withoutHeader[minorVersion];

    private static (byte[] Head, byte[] Tail) Split(byte[] envelope)
    {
        int at = envelope.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker));
        return (envelope[..at], envelope[(at + Marker.Length)..]);
    }
}
