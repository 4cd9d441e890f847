namespace Cwmp.Gateway.Http;

/// <summary>The Content-Encoding of a request body, and so of its reply (checklist §1: reply in the same encoding).</summary>
internal enum ContentCoding
{
    Identity,
    Gzip,
    Deflate,
}
