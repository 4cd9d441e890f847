using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.Files;

/// <summary>
/// <see cref="IFileStore"/> in a folder: <c>meta/{id}.json</c> (the sidecar, the commit point), <c>blobs/{id}.{guid}</c>
/// (the content; a new name for every write) and <c>tmp/</c> (writes in progress). A file is written to tmp/, renamed
/// into blobs/, and becomes visible when its sidecar is renamed into meta/ without overwriting: two processes that
/// add the same id on a shared volume cannot both win, and a reader never sees half a file.
/// </summary>
public sealed partial class DiskFileStore : IFileStore
{
    private readonly CwmpFilesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiskFileStore> _logger;
    private readonly string _metaDirectory;
    private readonly string _blobDirectory;
    private readonly string _tempDirectory;

    public DiskFileStore(IOptions<CwmpFilesOptions> options, TimeProvider time, ILogger<DiskFileStore> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        string root = Path.GetFullPath(_options.Directory);
        _metaDirectory = Path.Combine(root, "meta");
        _blobDirectory = Path.Combine(root, "blobs");
        _tempDirectory = Path.Combine(root, "tmp");
        Directory.CreateDirectory(_metaDirectory);
        Directory.CreateDirectory(_blobDirectory);
        Directory.CreateDirectory(_tempDirectory);
    }

    public async Task<FileMetadata> AddAsync(NewFile file, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        string id = FileNames.Validate(file.Id, "file id");
        if (!FileTypes.IsValid(file.FileType))
        {
            throw new FileStoreException(FileStoreError.InvalidFileType, $"'{FileNames.Shorten(file.FileType)}' is not a TR-069 Download FileType (\"1 Firmware Upgrade Image\" … \"5 Ringer File\", or \"X <OUI> <name>\").");
        }

        string? oui = MetadataValidation.Optional(file.Oui, "OUI");
        string? productClass = MetadataValidation.Optional(file.ProductClass, "ProductClass");
        string? version = MetadataValidation.Optional(file.Version, "version");
        string contentType = MetadataValidation.ContentType(file.ContentType, "application/octet-stream");
        string metaPath = MetaPath(id);
        if (File.Exists(metaPath))
        {
            throw AlreadyExists(id);
        }

        string unique = Guid.NewGuid().ToString("N");
        string blobName = id + "." + unique;
        string tempBlob = Path.Combine(_tempDirectory, unique);
        (long size, string sha256) = await TempFileWriter.WriteAsync(content, tempBlob, _options.MaxFileBytes, "file", cancellationToken).ConfigureAwait(false);
        string blobPath = Path.Combine(_blobDirectory, blobName);
        File.Move(tempBlob, blobPath);

        var metadata = new FileMetadata(id, file.FileType, oui, productClass, version, contentType, size, sha256, _time.GetUtcNow(), blobName);
        string tempMeta = Path.Combine(_tempDirectory, unique + ".json");
        try
        {
            await File.WriteAllBytesAsync(tempMeta, JsonSerializer.SerializeToUtf8Bytes(metadata, FilesJson.Default.FileMetadata), cancellationToken).ConfigureAwait(false);
            File.Move(tempMeta, metaPath, overwrite: false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            TempFileWriter.TryDelete(tempMeta);
            TempFileWriter.TryDelete(blobPath);
            if (e is IOException && File.Exists(metaPath))
            {
                throw AlreadyExists(id);
            }

            throw;
        }

        LogFileAdded(id, metadata.FileType, size, sha256);
        return metadata;
    }

    public async Task<FileMetadata?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!FileNames.IsValid(id))
        {
            return null;
        }

        return await ReadMetadataAsync(MetaPath(id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FileMetadata>> ListAsync(FileQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var files = new List<FileMetadata>();
        foreach (string path in Directory.EnumerateFiles(_metaDirectory, "*.json"))
        {
            if (await ReadMetadataAsync(path, cancellationToken).ConfigureAwait(false) is { } metadata && query.Matches(metadata))
            {
                files.Add(metadata);
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return files;
    }

    public async Task<StoredFile?> OpenReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } metadata)
        {
            return null;
        }

        try
        {
            // FileShare.Delete: a delete while a CPE downloads removes the name; the download still completes.
            var stream = new FileStream(Path.Combine(_blobDirectory, metadata.BlobName), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new StoredFile(metadata, stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } metadata)
        {
            return false;
        }

        // The sidecar first: from then on the file is gone for every reader, whatever happens to the blob.
        File.Delete(MetaPath(id));
        TempFileWriter.TryDelete(Path.Combine(_blobDirectory, metadata.BlobName));
        LogFileDeleted(id);
        return true;
    }

    private string MetaPath(string id) => Path.Combine(_metaDirectory, id + ".json");

    private static FileStoreException AlreadyExists(string id) =>
        new(FileStoreError.AlreadyExists, $"A file with id '{id}' exists already; delete it first or choose another id.");

    private async Task<FileMetadata?> ReadMetadataAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            byte[] json = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(json, FilesJson.Default.FileMetadata);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException e)
        {
            LogUnreadableSidecar(e, path);
            return null;
        }
    }
}
