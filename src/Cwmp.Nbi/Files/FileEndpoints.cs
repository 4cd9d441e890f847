using Cwmp.Files;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Nbi.Files;

/// <summary>/files: the firmware and configuration files the ACS serves to CPEs, stored through <see cref="IFileStore"/>.</summary>
internal static class FileEndpoints
{
    private static readonly string[] MetadataNames = ["fileType", "oui", "productClass", "version"];

    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder files = api.MapGroup("/files").WithTags("Files");
        files.MapPut("/{id}", AddAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Store a file: the raw body (any Content-Type, served back with it) is the content, ?fileType= (required), ?oui=, ?productClass=, ?version= its metadata; size and sha256 are computed")
            .Produces<FileJson>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        files.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The stored files, by id; ?fileType=, ?oui=, ?productClass= filter (exact)").Produces<FileListJson>().ProducesValidationProblem();
        files.MapGet("/{id}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One file's metadata").Produces<FileJson>().ProducesProblem(StatusCodes.Status404NotFound);
        files.MapGet("/{id}/content", DownloadAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One file's content (Range and If-None-Match work as on the file port)").Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        files.MapDelete("/{id}", DeleteAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Delete a file; downloads already running finish").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(HttpContext context, string id)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, MetadataNames);
        string? fileType = NbiRequests.Single(context, errors, "fileType");
        string? oui = NbiRequests.Single(context, errors, "oui");
        string? productClass = NbiRequests.Single(context, errors, "productClass");
        string? version = NbiRequests.Single(context, errors, "version");
        if (fileType is null && !errors.Any)
        {
            errors.Add("fileType", $"is required: one of {string.Join(", ", FileTypes.Standard.Select(t => $"'{t}'"))} (or its number), or a vendor type 'X <OUI> <name>'");
        }

        fileType = FileTypeOf(fileType);
        if (fileType is not null && !FileTypes.IsValid(fileType))
        {
            errors.Add("fileType", $"'{fileType}' is not a TR-069 Download FileType: one of {string.Join(", ", FileTypes.Standard.Select(t => $"'{t}'"))} (or its number), or 'X <OUI> <name>'");
        }

        if (!FileNames.IsValid(id))
        {
            errors.Add("id", $"'{id}' is not 1–{FileNames.MaxLength} characters of [A-Za-z0-9._-] not starting with '.'");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        AuditNote.Set(context, $"store file {id} ({fileType}{(version is null ? string.Empty : " " + version)})");
        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return FilesUnavailable(context);
        }

        // Firmware images are far larger than Kestrel's default body limit; the store counts and enforces its own.
        long limit = context.RequestServices.GetRequiredService<IOptions<CwmpFilesOptions>>().Value.MaxFileBytes;
        if (context.Request.ContentLength > limit)
        {
            return NbiProblems.Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"files are limited to {limit} bytes (Cwmp:Files:MaxFileBytes)");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        string contentType = string.IsNullOrWhiteSpace(context.Request.ContentType) ? "application/octet-stream" : context.Request.ContentType;
        try
        {
            FileMetadata stored = await store.AddAsync(new NewFile(id, fileType!, oui, productClass, version, contentType), context.Request.Body, context.RequestAborted)
                .ConfigureAwait(false);
            return TypedResults.Created(FileLocation(stored.Id), FileJson.From(stored));
        }
        catch (FileStoreException e)
        {
            return StoreRefused(context, e);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "fileType", "oui", "productClass");
        string? fileType = FileTypeOf(NbiRequests.Single(context, errors, "fileType"));
        string? oui = NbiRequests.Single(context, errors, "oui");
        string? productClass = NbiRequests.Single(context, errors, "productClass");
        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return FilesUnavailable(context);
        }

        IReadOnlyList<FileMetadata> files = await store.ListAsync(new FileQuery(fileType, oui, productClass), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new FileListJson([.. files.Select(FileJson.From)]));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string id)
    {
        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return FilesUnavailable(context);
        }

        FileMetadata? file = await store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        return file is null ? FileNotFound(context, id) : TypedResults.Ok(FileJson.From(file));
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string id)
    {
        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return FilesUnavailable(context);
        }

        StoredFile? stored = await store.OpenReadAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return FileNotFound(context, id);
        }

        // The result disposes the stream once it is sent.
        FileMetadata metadata = stored.Metadata;
        return TypedResults.Stream(
            stored.Content,
            metadata.ContentType,
            fileDownloadName: metadata.Id,
            lastModified: metadata.CreatedAt,
            entityTag: new EntityTagHeaderValue(metadata.ETag),
            enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string id)
    {
        AuditNote.Set(context, $"delete file {id}");
        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return FilesUnavailable(context);
        }

        return await store.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false) ? TypedResults.NoContent() : FileNotFound(context, id);
    }

    /// <summary>The full FileType for its number ("1" → "1 Firmware Upgrade Image"), else the text as given.</summary>
    internal static string? FileTypeOf(string? text) =>
        text is { Length: 1 } && FileTypes.Standard.FirstOrDefault(t => t[0] == text[0]) is { } full ? full : text;

    internal static IResult StoreRefused(HttpContext context, FileStoreException e)
    {
        switch (e.Error)
        {
            case FileStoreError.TooLarge:
                return NbiProblems.Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", e.Message);
            case FileStoreError.AlreadyExists:
                return NbiProblems.Conflict(context, e.Message + " Delete it first, or store the new content under a new id.");
            default:
                var errors = new ValidationErrors();
                errors.Add(e.Error switch { FileStoreError.InvalidName => "id", FileStoreError.InvalidFileType => "fileType", _ => "metadata" }, e.Message);
                return NbiProblems.Invalid(context, errors);
        }
    }

    internal static IResult FileNotFound(HttpContext context, string id) =>
        NbiProblems.Problem(context, StatusCodes.Status404NotFound, "File not found", $"there is no file '{FileNamesForMessage(id)}' in the file store");

    internal static IResult FilesUnavailable(HttpContext context) =>
        NbiProblems.Unavailable(context, "file store not configured: this process has no IFileStore registered (Cwmp.Files runs in the Gateway role)");

    internal static string FileLocation(string id) => "/api/v1/files/" + Uri.EscapeDataString(id);

    private static string FileNamesForMessage(string id) => id.Length <= 64 ? id : id[..64] + "…";
}

/// <summary>A stored file as the NBI shows it (the store's blob name is its own business).</summary>
internal sealed record FileJson(
    string Id,
    string FileType,
    string? Oui,
    string? ProductClass,
    string? Version,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset CreatedAt)
{
    public static FileJson From(FileMetadata file) =>
        new(file.Id, file.FileType, file.Oui, file.ProductClass, file.Version, file.ContentType, file.Size, file.Sha256, file.CreatedAt);
}

internal sealed record FileListJson(IReadOnlyList<FileJson> Files);
