namespace Cwmp.Files;

/// <summary>Configuration section <c>Cwmp:Files</c>: where files and uploads live, their limits, and URL signing.</summary>
public sealed class CwmpFilesOptions
{
    public const string SectionName = "Cwmp:Files";

    /// <summary>The folder of the files the ACS serves (a volume in Kubernetes, shared by every gateway).</summary>
    public string Directory { get; set; } = "./data/files";

    /// <summary>The folder of the files CPEs upload (TR-069 Upload).</summary>
    public string UploadsDirectory { get; set; } = "./data/uploads";

    /// <summary>The largest file the store accepts (firmware images are large; 2 GiB by default).</summary>
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest body a CPE may upload (configuration dumps and logs are small; 64 MiB by default).</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many uploads each device keeps; a new one beyond this deletes the oldest.</summary>
    public int MaxUploadsPerDevice { get; set; } = 20;

    /// <summary>
    /// The key that signs file and upload URLs (at least 32 characters). Every process that builds or checks URLs must
    /// share it; when empty, each process makes its own, so URLs are valid only on the process that built them
    /// (one-process labs).
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>How long a signed URL stays valid when the caller names no lifetime.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The scheme, host and port CPEs reach the file port at ("http://files.acs.example.net:7567"), the base of the
    /// URLs put in Download and Upload requests.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
