namespace Cwmp.Files;

/// <summary>
/// The files the ACS serves to CPEs (firmware images, configuration files). The disk implementation keeps them in a
/// folder; an object store can implement the same contract. Every method validates its input and throws
/// <see cref="FileStoreException"/> for what a caller got wrong.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <see cref="NewFile.Id"/>, computing size and SHA-256 while writing. The
    /// file becomes visible whole or not at all.
    /// </summary>
    /// <exception cref="FileStoreException">Bad id, file type or metadata, content over the limit, or the id exists.</exception>
    Task<FileMetadata> AddAsync(NewFile file, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The metadata of a file, or null when there is none with that id (or the id is not a valid name).</summary>
    Task<FileMetadata?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The files that match, ordered by id.</summary>
    Task<IReadOnlyList<FileMetadata>> ListAsync(FileQuery query, CancellationToken cancellationToken = default);

    /// <summary>The file's metadata and a seekable stream of its content (the caller disposes it), or null.</summary>
    Task<StoredFile?> OpenReadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there was none. Downloads already open finish.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>An open file: its metadata and its content.</summary>
public sealed record StoredFile(FileMetadata Metadata, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
