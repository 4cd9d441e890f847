using Cwmp.Files;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Nbi.Files;

/// <summary>/devices/{key}/uploads: the files a CPE sent to the Upload target, through <see cref="IUploadStore"/>.</summary>
internal static class UploadEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder uploads = api.MapGroup("/devices/{key}/uploads").WithTags("Files");
        uploads.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The files the device uploaded (TR-069 Upload), newest first").Produces<UploadListJson>().ProducesValidationProblem();
        uploads.MapGet("/{id}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One upload's record").Produces<UploadRecord>().ProducesProblem(StatusCodes.Status404NotFound);
        uploads.MapGet("/{id}/content", DownloadAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One upload's content, as the CPE sent it").Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        uploads.MapDelete("/{id}", DeleteAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Delete one upload").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext context, string key)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        if (context.RequestServices.GetService<IUploadStore>() is not { } store)
        {
            return FileEndpoints.FilesUnavailable(context);
        }

        // A device that never uploaded has an empty list, like any device the store does not know.
        return TypedResults.Ok(new UploadListJson(key, await store.ListAsync(key, context.RequestAborted).ConfigureAwait(false)));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string key, string id)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        if (context.RequestServices.GetService<IUploadStore>() is not { } store)
        {
            return FileEndpoints.FilesUnavailable(context);
        }

        UploadRecord? record = await store.GetAsync(key, id, context.RequestAborted).ConfigureAwait(false);
        return record is null ? UploadNotFound(context, key, id) : TypedResults.Ok(record);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, string key, string id)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        if (context.RequestServices.GetService<IUploadStore>() is not { } store)
        {
            return FileEndpoints.FilesUnavailable(context);
        }

        StoredUpload? stored = await store.OpenReadAsync(key, id, context.RequestAborted).ConfigureAwait(false);
        if (stored is null)
        {
            return UploadNotFound(context, key, id);
        }

        UploadRecord record = stored.Record;
        return TypedResults.Stream(
            stored.Content,
            record.ContentType,
            fileDownloadName: record.Name,
            lastModified: record.ReceivedAt,
            entityTag: new EntityTagHeaderValue("\"" + record.Sha256 + "\""),
            enableRangeProcessing: true);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string key, string id)
    {
        AuditNote.Set(context, $"delete upload {id}");
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        if (context.RequestServices.GetService<IUploadStore>() is not { } store)
        {
            return FileEndpoints.FilesUnavailable(context);
        }

        return await store.DeleteAsync(key, id, context.RequestAborted).ConfigureAwait(false) ? TypedResults.NoContent() : UploadNotFound(context, key, id);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UploadNotFound(HttpContext context, string key, string id) =>
        NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Upload not found", $"device '{key}' has no upload '{(id.Length <= 64 ? id : id[..64] + "…")}'");
}

internal sealed record UploadListJson(string DeviceKey, IReadOnlyList<UploadRecord> Uploads);
