namespace Cwmp.Files;

/// <summary>The file server's meter and instrument names.</summary>
public static class FilesTelemetry
{
    public const string MeterName = "Cwmp.Files";

    /// <summary>Counter: GET/HEAD requests on /files, by outcome (ok, partial, not_modified, forbidden, expired, …).</summary>
    public const string Downloads = "cwmp.files.downloads";

    /// <summary>Counter (bytes): response bytes of file downloads (the Content-Length of 200 and 206 answers to GET).</summary>
    public const string BytesServed = "cwmp.files.bytes_served";

    /// <summary>Counter: PUT/POST requests on /uploads, by outcome (ok, forbidden, too_large, bad_request, …).</summary>
    public const string Uploads = "cwmp.files.uploads";

    /// <summary>Counter (bytes): bytes of uploads stored.</summary>
    public const string BytesReceived = "cwmp.files.bytes_received";
}
