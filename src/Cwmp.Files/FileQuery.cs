namespace Cwmp.Files;

/// <summary>A filter of <see cref="IFileStore.ListAsync"/>; null matches everything. Matching is exact (ordinal).</summary>
public sealed record FileQuery(string? FileType = null, string? Oui = null, string? ProductClass = null)
{
    public static FileQuery All { get; } = new();

    public bool Matches(FileMetadata file) =>
        (FileType is null || string.Equals(FileType, file.FileType, StringComparison.Ordinal))
        && (Oui is null || string.Equals(Oui, file.Oui, StringComparison.Ordinal))
        && (ProductClass is null || string.Equals(ProductClass, file.ProductClass, StringComparison.Ordinal));
}
