using System.Buffers;

namespace Cwmp.Files;

/// <summary>
/// The names the stores accept as file ids and upload names: 1–128 characters of [A-Za-z0-9._-], not starting with a
/// dot. No separator, no "..", nothing a file system or a URL would read differently, so a name is never a path.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && name[0] != '.' && !name.AsSpan().ContainsAnyExcept(Allowed);

    /// <exception cref="FileStoreException">The name is not valid (<see cref="FileStoreError.InvalidName"/>).</exception>
    public static string Validate(string? name, string what) =>
        IsValid(name)
            ? name!
            : throw new FileStoreException(FileStoreError.InvalidName, $"The {what} '{Shorten(name)}' is not 1–{MaxLength} characters of [A-Za-z0-9._-] not starting with '.'.");

    internal static string Shorten(string? value) => value is null ? "(null)" : value.Length <= 64 ? value : value[..64] + "…";
}
