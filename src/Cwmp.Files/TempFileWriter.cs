using System.Buffers;
using System.Security.Cryptography;

namespace Cwmp.Files;

/// <summary>
/// Copies a stream into a new temporary file, hashing and counting as it goes, and refuses content over a limit
/// without buffering it: the first byte past the limit ends the copy. The caller renames the file into place.
/// </summary>
internal static class TempFileWriter
{
    private const int BufferSize = 81920;

    public static async Task<(long Size, string Sha256)> WriteAsync(Stream source, string tempPath, long maxBytes, string what, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileStoreException(FileStoreError.TooLarge, $"The {what} is larger than the limit of {maxBytes} bytes.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                // Durable before it is renamed into place: a crash never leaves a visible file with missing bytes.
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless: nothing lists the temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
