namespace Cwmp.Files;

/// <summary>
/// Files CPEs uploaded, kept per device (at most <see cref="CwmpFilesOptions.MaxUploadsPerDevice"/> per device; the oldest go
/// first). The file port writes into it; the NBI lists and fetches.
/// </summary>
public interface IUploadStore
{
    /// <summary>Stores one upload (a new record even when the name repeats), computing size and SHA-256.</summary>
    /// <exception cref="FileStoreException">Bad device key, name or content type, or content over the limit.</exception>
    Task<UploadRecord> SaveAsync(string deviceKey, string name, string? contentType, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The device's uploads, newest first (empty for an unknown device).</summary>
    Task<IReadOnlyList<UploadRecord>> ListAsync(string deviceKey, CancellationToken cancellationToken = default);

    /// <summary>One upload's record, or null.</summary>
    Task<UploadRecord?> GetAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default);

    /// <summary>One upload's record and content (the caller disposes it), or null.</summary>
    Task<StoredUpload?> OpenReadAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one upload; false when there was none.</summary>
    Task<bool> DeleteAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default);
}
