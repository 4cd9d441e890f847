namespace Cwmp.Files;

/// <summary>A file a CPE uploaded (TR-069 Upload: a configuration dump or a log).</summary>
/// <param name="Id">The upload's id, unique per device; ids sort by arrival.</param>
/// <param name="DeviceKey">The device that uploaded it.</param>
/// <param name="Name">The last path segment of the upload URL (the name the ACS chose when it built the URL).</param>
/// <param name="ContentType">The Content-Type the CPE sent (application/octet-stream when none).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
/// <param name="ReceivedAt">When the upload completed.</param>
public sealed record UploadRecord(
    string Id,
    string DeviceKey,
    string Name,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset ReceivedAt);

/// <summary>An open upload: its record and its content.</summary>
public sealed record StoredUpload(UploadRecord Record, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
