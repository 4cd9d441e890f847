namespace Cwmp.Files;

internal static class MetadataValidation
{
    public const int MaxFieldLength = 256;

    /// <summary>Null stays null; otherwise at most 256 characters and no control characters.</summary>
    public static string? Optional(string? value, string what)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length <= MaxFieldLength && !value.Any(char.IsControl)
            ? value
            : throw new FileStoreException(FileStoreError.InvalidMetadata, $"The {what} is longer than {MaxFieldLength} characters or has control characters.");
    }

    public static string ContentType(string? value, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(value, out _) && value.Length <= MaxFieldLength
            ? value
            : throw new FileStoreException(FileStoreError.InvalidMetadata, $"The content type '{FileNames.Shorten(value)}' is not a media type.");
    }
}
