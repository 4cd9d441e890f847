using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cwmp.Files.Tests;

public sealed class DiskFileStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly DiskFileStore _store;

    public DiskFileStoreTests() => _store = NewStore(maxBytes: 1000);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Add_stores_content_with_size_sha256_and_a_json_sidecar()
    {
        byte[] content = Encoding.ASCII.GetBytes("firmware image 2.0");

        FileMetadata added = await _store.AddAsync(
            new NewFile("fw-2.0.bin", FileTypes.FirmwareUpgradeImage, "A1B2C3", "HomeGateway", "2.0"), new MemoryStream(content));

        Assert.Equal("fw-2.0.bin", added.Id);
        Assert.Equal(content.Length, added.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), added.Sha256);
        Assert.Equal(Now, added.CreatedAt);
        Assert.Equal("application/octet-stream", added.ContentType);
        Assert.Equal(added, await _store.GetAsync("fw-2.0.bin"));
        using JsonDocument sidecar = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_folder.Path, "meta", "fw-2.0.bin.json")));
        Assert.Equal("1 Firmware Upgrade Image", sidecar.RootElement.GetProperty("fileType").GetString());
        Assert.Equal(added.Sha256, sidecar.RootElement.GetProperty("sha256").GetString());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "tmp")));
        await using StoredFile? opened = await _store.OpenReadAsync("fw-2.0.bin");
        using var read = new MemoryStream();
        await opened!.Content.CopyToAsync(read);
        Assert.Equal(content, read.ToArray());
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("name with space")]
    [InlineData("caf\u00e9")]
    public async Task Add_refuses_a_name_that_could_be_a_path(string id)
    {
        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile(id, FileTypes.FirmwareUpgradeImage), new MemoryStream([1, 2, 3])));

        Assert.Equal(FileStoreError.InvalidName, refused.Error);
        Assert.Null(await _store.GetAsync(id));
        Assert.Empty(await _store.ListAsync(FileQuery.All));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "blobs")));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(_folder.Path, "meta", "..", "escape.json"))));
    }

    [Fact]
    public async Task Add_refuses_a_name_longer_than_128_characters()
    {
        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile(new string('a', 129), FileTypes.FirmwareUpgradeImage), new MemoryStream([1])));
        Assert.Equal(FileStoreError.InvalidName, refused.Error);
    }

    [Fact]
    public async Task Add_refuses_content_over_the_limit_and_leaves_nothing()
    {
        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile("big.bin", FileTypes.FirmwareUpgradeImage), new MemoryStream(new byte[1001])));

        Assert.Equal(FileStoreError.TooLarge, refused.Error);
        Assert.Equal("The file is larger than the limit of 1000 bytes.", refused.Message);
        Assert.Null(await _store.GetAsync("big.bin"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "blobs")));
    }

    [Fact]
    public async Task A_write_that_fails_half_way_is_never_visible()
    {
        var failing = new FailingStream(bytesBeforeFailure: 500);

        await Assert.ThrowsAsync<IOException>(() => _store.AddAsync(new NewFile("half.bin", FileTypes.FirmwareUpgradeImage), failing));

        Assert.Null(await _store.GetAsync("half.bin"));
        Assert.Null(await _store.OpenReadAsync("half.bin"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "blobs")));
    }

    [Fact]
    public async Task Add_refuses_an_existing_id_and_keeps_the_first_file()
    {
        FileMetadata first = await _store.AddAsync(new NewFile("cfg.xml", FileTypes.VendorConfigurationFile), new MemoryStream([1]));

        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile("cfg.xml", FileTypes.VendorConfigurationFile), new MemoryStream([2, 2])));

        Assert.Equal(FileStoreError.AlreadyExists, refused.Error);
        Assert.Equal(first, await _store.GetAsync("cfg.xml"));
    }

    [Theory]
    [InlineData("Firmware")]
    [InlineData("7 Unknown")]
    [InlineData("X ")]
    public async Task Add_refuses_a_file_type_that_tr069_does_not_define(string fileType)
    {
        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile("f.bin", fileType), new MemoryStream([1])));
        Assert.Equal(FileStoreError.InvalidFileType, refused.Error);
    }

    [Fact]
    public async Task Add_refuses_metadata_with_control_characters()
    {
        FileStoreException refused = await Assert.ThrowsAsync<FileStoreException>(() =>
            _store.AddAsync(new NewFile("f.bin", FileTypes.FirmwareUpgradeImage, Oui: "A1B2\nC3"), new MemoryStream([1])));
        Assert.Equal(FileStoreError.InvalidMetadata, refused.Error);
    }

    [Fact]
    public async Task List_filters_by_type_oui_and_product_class()
    {
        await _store.AddAsync(new NewFile("a.bin", FileTypes.FirmwareUpgradeImage, "A1B2C3", "HomeGateway"), new MemoryStream([1]));
        await _store.AddAsync(new NewFile("b.bin", FileTypes.FirmwareUpgradeImage, "A1B2C3", "ONT"), new MemoryStream([1]));
        await _store.AddAsync(new NewFile("c.xml", FileTypes.VendorConfigurationFile, "A1B2C3", "HomeGateway"), new MemoryStream([1]));
        await _store.AddAsync(new NewFile("d.bin", "X 00D09E Bootloader", "00D09E"), new MemoryStream([1]));

        Assert.Equal(["a.bin", "b.bin", "c.xml", "d.bin"], (await _store.ListAsync(FileQuery.All)).Select(f => f.Id));
        Assert.Equal(["a.bin", "b.bin"], (await _store.ListAsync(new FileQuery(FileType: FileTypes.FirmwareUpgradeImage))).Select(f => f.Id));
        Assert.Equal(["a.bin", "c.xml"], (await _store.ListAsync(new FileQuery(Oui: "A1B2C3", ProductClass: "HomeGateway"))).Select(f => f.Id));
        Assert.Equal(["d.bin"], (await _store.ListAsync(new FileQuery(Oui: "00D09E"))).Select(f => f.Id));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_an_open_download_still_completes()
    {
        await _store.AddAsync(new NewFile("gone.bin", FileTypes.FirmwareUpgradeImage), new MemoryStream([1, 2, 3]));
        await using StoredFile? open = await _store.OpenReadAsync("gone.bin");

        Assert.True(await _store.DeleteAsync("gone.bin"));

        Assert.False(await _store.DeleteAsync("gone.bin"));
        Assert.Null(await _store.GetAsync("gone.bin"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_folder.Path, "blobs")));
        using var read = new MemoryStream();
        await open!.Content.CopyToAsync(read);
        Assert.Equal([1, 2, 3], read.ToArray());
    }

    [Fact]
    public async Task Get_of_a_path_like_id_finds_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "secret.json"), "{}");

        Assert.Null(await _store.GetAsync("../secret"));
        Assert.Null(await _store.OpenReadAsync("../secret"));
        Assert.False(await _store.DeleteAsync("../secret"));
    }

    private DiskFileStore NewStore(long maxBytes) =>
        new(Options.Create(new CwmpFilesOptions { Directory = _folder.Path, MaxFileBytes = maxBytes }), new FakeTimeProvider(Now), NullLogger<DiskFileStore>.Instance);

    /// <summary>A body that breaks off after some bytes, as a client that disconnects does.</summary>
    private sealed class FailingStream(int bytesBeforeFailure) : Stream
    {
        private int _left = bytesBeforeFailure;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0)
            {
                throw new IOException("The client disconnected.");
            }

            int n = Math.Min(count, Math.Min(_left, 100));
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
