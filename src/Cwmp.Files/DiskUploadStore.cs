using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.Files;

/// <summary>
/// <see cref="IUploadStore"/> in a folder: one sub-folder per device (named by a hash of the device key, so that no
/// key is ever a path), each upload as <c>{id}.bin</c> plus its <c>{id}.json</c> record (the commit point), writes in
/// progress in <c>tmp/</c>.
/// </summary>
public sealed partial class DiskUploadStore : IUploadStore
{
    private const int MaxDeviceKeyLength = 256;

    private readonly CwmpFilesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiskUploadStore> _logger;
    private readonly string _root;
    private readonly string _tempDirectory;

    public DiskUploadStore(IOptions<CwmpFilesOptions> options, TimeProvider time, ILogger<DiskUploadStore> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _root = Path.GetFullPath(_options.UploadsDirectory);
        _tempDirectory = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_tempDirectory);
    }

    /// <summary>A device key the store accepts: 1–256 characters, no control characters.</summary>
    public static bool IsValidDeviceKey(string? deviceKey) =>
        !string.IsNullOrEmpty(deviceKey) && deviceKey.Length <= MaxDeviceKeyLength && !deviceKey.Any(char.IsControl);

    public async Task<UploadRecord> SaveAsync(string deviceKey, string name, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsValidDeviceKey(deviceKey))
        {
            throw new FileStoreException(FileStoreError.InvalidName, $"The device key '{FileNames.Shorten(deviceKey)}' is empty, longer than {MaxDeviceKeyLength} characters or has control characters.");
        }

        FileNames.Validate(name, "upload name");
        string type = MetadataValidation.ContentType(contentType, "application/octet-stream");
        DateTimeOffset now = _time.GetUtcNow();
        string id = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..12]}");
        string temp = Path.Combine(_tempDirectory, id);
        (long size, string sha256) = await TempFileWriter.WriteAsync(content, temp, _options.MaxUploadBytes, "upload", cancellationToken).ConfigureAwait(false);

        string folder = DeviceFolder(deviceKey);
        Directory.CreateDirectory(folder);
        File.Move(temp, Path.Combine(folder, id + ".bin"));
        var record = new UploadRecord(id, deviceKey, name, type, size, sha256, _time.GetUtcNow());
        string tempRecord = temp + ".json";
        await File.WriteAllBytesAsync(tempRecord, JsonSerializer.SerializeToUtf8Bytes(record, FilesJson.Default.UploadRecord), cancellationToken).ConfigureAwait(false);
        File.Move(tempRecord, Path.Combine(folder, id + ".json"));
        LogUploadStored(deviceKey, name, id, size, sha256);

        await PruneAsync(deviceKey, cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<UploadRecord>> ListAsync(string deviceKey, CancellationToken cancellationToken = default)
    {
        if (!IsValidDeviceKey(deviceKey) || !Directory.Exists(DeviceFolder(deviceKey)))
        {
            return [];
        }

        var records = new List<UploadRecord>();
        foreach (string path in Directory.EnumerateFiles(DeviceFolder(deviceKey), "*.json"))
        {
            if (await ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } record
                && string.Equals(record.DeviceKey, deviceKey, StringComparison.Ordinal))
            {
                records.Add(record);
            }
        }

        records.Sort(static (a, b) => string.CompareOrdinal(b.Id, a.Id));
        return records;
    }

    public async Task<UploadRecord?> GetAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default)
    {
        if (!IsValidDeviceKey(deviceKey) || !FileNames.IsValid(uploadId))
        {
            return null;
        }

        UploadRecord? record = await ReadAsync(Path.Combine(DeviceFolder(deviceKey), uploadId + ".json"), cancellationToken).ConfigureAwait(false);
        return record is not null && string.Equals(record.DeviceKey, deviceKey, StringComparison.Ordinal) ? record : null;
    }

    public async Task<StoredUpload?> OpenReadAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(deviceKey, uploadId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        try
        {
            var stream = new FileStream(Path.Combine(DeviceFolder(deviceKey), uploadId + ".bin"), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new StoredUpload(record, stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string deviceKey, string uploadId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(deviceKey, uploadId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        string folder = DeviceFolder(deviceKey);
        File.Delete(Path.Combine(folder, uploadId + ".json"));
        TempFileWriter.TryDelete(Path.Combine(folder, uploadId + ".bin"));
        return true;
    }

    private async Task PruneAsync(string deviceKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<UploadRecord> records = await ListAsync(deviceKey, cancellationToken).ConfigureAwait(false);
        foreach (UploadRecord old in records.Skip(Math.Max(1, _options.MaxUploadsPerDevice)))
        {
            await DeleteAsync(deviceKey, old.Id, cancellationToken).ConfigureAwait(false);
            LogUploadPruned(deviceKey, old.Id);
        }
    }

    private string DeviceFolder(string deviceKey) =>
        Path.Combine(_root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deviceKey)))[..32]);

    private async Task<UploadRecord?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), FilesJson.Default.UploadRecord);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException e)
        {
            LogUnreadableRecord(e, path);
            return null;
        }
    }
}
