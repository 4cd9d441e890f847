namespace Cwmp.Files;

/// <summary>Why the file or upload store refused a request; a REST layer maps each to a status code.</summary>
public enum FileStoreError
{
    /// <summary>The id or name is empty, too long, or has a character outside [A-Za-z0-9._-] (or is "." / "..").</summary>
    InvalidName = 0,

    /// <summary>The file type is not a TR-069 Download FileType ("1 Firmware Upgrade Image", …, or "X OUI name").</summary>
    InvalidFileType = 1,

    /// <summary>The content is larger than the configured limit.</summary>
    TooLarge = 2,

    /// <summary>A file with this id exists already (HTTP 409).</summary>
    AlreadyExists = 3,

    /// <summary>An optional field (OUI, ProductClass, version, content type) is too long or has control characters.</summary>
    InvalidMetadata = 4,
}

/// <summary>A request the file or upload store refused, with the reason a caller can act on.</summary>
public sealed class FileStoreException : Exception
{
    public FileStoreException(FileStoreError error, string message)
        : base(message) => Error = error;

    public FileStoreException()
    {
    }

    public FileStoreException(string message)
        : base(message)
    {
    }

    public FileStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileStoreError Error { get; }
}
