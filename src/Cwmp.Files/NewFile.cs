namespace Cwmp.Files;

/// <summary>What a caller says about a file it adds; the store computes size and hash.</summary>
public sealed record NewFile(
    string Id,
    string FileType,
    string? Oui = null,
    string? ProductClass = null,
    string? Version = null,
    string ContentType = "application/octet-stream");
