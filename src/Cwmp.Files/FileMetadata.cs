namespace Cwmp.Files;

/// <summary>A file the ACS serves to CPEs, as its JSON sidecar stores it.</summary>
/// <param name="Id">The file's name in URLs (<see cref="FileNames"/>).</param>
/// <param name="FileType">The TR-069 Download FileType (<see cref="FileTypes"/>).</param>
/// <param name="Oui">The OUI of the devices it is for, if any.</param>
/// <param name="ProductClass">The ProductClass it is for, if any.</param>
/// <param name="Version">The software or configuration version it carries, if any.</param>
/// <param name="ContentType">The media type it is served with.</param>
/// <param name="Size">Its length in bytes (the Download request's FileSize).</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex, computed while it was written.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="BlobName">The content file in the store's folder (a new one for every write, so a commit is a rename).</param>
public sealed record FileMetadata(
    string Id,
    string FileType,
    string? Oui,
    string? ProductClass,
    string? Version,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset CreatedAt,
    string BlobName)
{
    /// <summary>The strong entity tag: the content hash, so every gateway computes the same one.</summary>
    public string ETag => "\"" + Sha256 + "\"";
}
