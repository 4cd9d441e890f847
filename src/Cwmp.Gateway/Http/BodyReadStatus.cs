namespace Cwmp.Gateway.Http;

/// <summary>How reading a request body ended.</summary>
internal enum BodyReadStatus
{
    /// <summary>The whole body, decoded, is in the buffer.</summary>
    Complete,

    /// <summary>Larger than the limit, before or after decoding: 413.</summary>
    TooLarge,

    /// <summary>A Content-Encoding other than gzip, deflate or identity: 415.</summary>
    UnsupportedEncoding,

    /// <summary>The compressed data is corrupt: 400.</summary>
    CorruptEncoding,
}
