namespace Cwmp.Swarm.Http;

/// <summary>One POST of a CWMP session, with the quirks that decide how it goes on the wire.</summary>
internal sealed class CpeHttpRequest
{
    public required ReadOnlyMemory<byte> Body { get; init; }

    public string? Authorization { get; init; }

    public string? Cookie { get; init; }

    /// <summary>Omit the Content-Type header (checklist §6.2).</summary>
    public bool OmitContentType { get; init; }

    /// <summary>Send the body with Transfer-Encoding: chunked instead of Content-Length (checklist §6.3).</summary>
    public bool Chunked { get; init; }

    /// <summary>Fault injection: write only this many bytes of the body, then close the socket.</summary>
    public int? DropAfterBytes { get; init; }

    /// <summary>The SOAPAction header: "" on requests that carry an RPC, absent on empty POSTs.</summary>
    public bool SoapAction { get; init; }
}
