namespace Cwmp.Files;

/// <summary>What checking a signed URL found; everything but <see cref="Valid"/> is answered 403.</summary>
public enum SignatureCheck
{
    Valid = 0,

    /// <summary>No device, expires or sig parameter.</summary>
    Missing = 1,

    /// <summary>expires is not a Unix time in seconds.</summary>
    Malformed = 2,

    /// <summary>The signature is right but expires is in the past.</summary>
    Expired = 3,

    /// <summary>The signature does not match (another file, device, time or key).</summary>
    BadSignature = 4,
}
