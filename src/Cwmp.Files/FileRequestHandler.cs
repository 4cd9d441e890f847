using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cwmp.Files;

/// <summary>
/// The file port's two endpoints: GET/HEAD /files/{id} (Content-Length, strong ETag = sha256, Last-Modified, a single
/// Range → 206 or 416, conditional requests) and PUT/POST /uploads/{deviceKey}/{name}. Both are authorised by a
/// signed URL (<see cref="FileUrlSigner"/>) or, for a URL without a signature, by the device's own HTTP Basic or Digest
/// credentials when an <see cref="IDeviceHttpAuthenticator"/> is registered; both are checked before a byte of body
/// is read or sent.
/// </summary>
internal sealed partial class FileRequestHandler(
    IFileStore files,
    IUploadStore uploads,
    FileUrlSigner signer,
    FilesMetrics metrics,
    IOptions<CwmpFilesOptions> options,
    ILogger<FileRequestHandler> logger,
    IDeviceHttpAuthenticator? deviceAuthenticator = null)
{
    public async Task ServeAsync(HttpContext context, string id)
    {
        string remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!FileNames.IsValid(id))
        {
            LogDownloadRefused(FileNames.Shorten(id), remote, "invalid file id");
            metrics.Download("bad_request", 0);
            await Problem(context, StatusCodes.Status400BadRequest, "Invalid file id", "A file id is 1–128 characters of [A-Za-z0-9._-].");
            return;
        }

        IQueryCollection query = context.Request.Query;
        string? device;
        if (deviceAuthenticator is not null && IsUnsigned(query))
        {
            device = await AuthenticateDeviceAsync(context, deviceAuthenticator, null, id, remote, upload: false);
            if (device is null)
            {
                return;
            }
        }
        else
        {
            device = query["device"];
            SignatureCheck check = signer.CheckFile(id, device, query["expires"], query["sig"]);
            if (check != SignatureCheck.Valid)
            {
                LogDownloadRefused(id, remote, check.ToString());
                metrics.Download(check == SignatureCheck.Expired ? "expired" : "forbidden", 0);
                await Problem(context, StatusCodes.Status403Forbidden, "Not authorised", Explain(check));
                return;
            }
        }

        StoredFile? stored = await files.OpenReadAsync(id, context.RequestAborted);
        if (stored is null)
        {
            LogDownloadRefused(id, remote, "no such file");
            metrics.Download("not_found", 0);
            await Problem(context, StatusCodes.Status404NotFound, "No such file", $"There is no file '{id}'.");
            return;
        }

        await using (stored)
        {
            FileMetadata metadata = stored.Metadata;
            var result = TypedResults.Stream(
                stored.Content,
                metadata.ContentType,
                lastModified: metadata.CreatedAt,
                entityTag: new EntityTagHeaderValue(metadata.ETag),
                enableRangeProcessing: true);
            try
            {
                await result.ExecuteAsync(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                LogDownloadAborted(id, device!, remote);
                metrics.Download("aborted", 0);
                return;
            }

            int status = context.Response.StatusCode;
            string outcome = status switch
            {
                StatusCodes.Status200OK => "ok",
                StatusCodes.Status206PartialContent => "partial",
                StatusCodes.Status304NotModified => "not_modified",
                StatusCodes.Status412PreconditionFailed => "precondition_failed",
                StatusCodes.Status416RangeNotSatisfiable => "range_not_satisfiable",
                _ => "other",
            };
            bool body = HttpMethods.IsGet(context.Request.Method) && status is StatusCodes.Status200OK or StatusCodes.Status206PartialContent;
            long bytes = body ? context.Response.ContentLength ?? 0 : 0;
            metrics.Download(outcome, bytes);
            LogDownloadServed(id, device!, remote, status, bytes);
        }
    }

    public async Task ReceiveAsync(HttpContext context, string deviceKey, string name)
    {
        string remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!DiskUploadStore.IsValidDeviceKey(deviceKey) || !FileNames.IsValid(name))
        {
            LogUploadRefused(FileNames.Shorten(deviceKey), FileNames.Shorten(name), remote, "invalid device key or upload name");
            metrics.Upload("bad_request", 0);
            await Problem(context, StatusCodes.Status400BadRequest, "Invalid upload URL", "The upload name is 1–128 characters of [A-Za-z0-9._-] and the device key has no control characters.");
            return;
        }

        IQueryCollection query = context.Request.Query;
        if (deviceAuthenticator is not null && IsUnsigned(query))
        {
            if (await AuthenticateDeviceAsync(context, deviceAuthenticator, deviceKey, name, remote, upload: true) is null)
            {
                return;
            }
        }
        else
        {
            SignatureCheck check = signer.CheckUpload(deviceKey, name, query["expires"], query["sig"]);
            if (check != SignatureCheck.Valid)
            {
                LogUploadRefused(deviceKey, name, remote, check.ToString());
                metrics.Upload(check == SignatureCheck.Expired ? "expired" : "forbidden", 0);
                await Problem(context, StatusCodes.Status403Forbidden, "Not authorised", Explain(check));
                return;
            }
        }

        long limit = options.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            LogUploadRefused(deviceKey, name, remote, $"Content-Length {context.Request.ContentLength} over the limit of {limit}");
            metrics.Upload("too_large", 0);
            await Problem(context, StatusCodes.Status413RequestEntityTooLarge, "Upload too large", $"Uploads are limited to {limit} bytes.");
            return;
        }

        // The store counts the bytes itself (chunked bodies have no Content-Length); Kestrel's own limit would cut
        // off a large configured limit at its 30 MB default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        try
        {
            UploadRecord record = await uploads.SaveAsync(deviceKey, name, context.Request.ContentType, context.Request.Body, context.RequestAborted);
            metrics.Upload("ok", record.Size);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
        }
        catch (FileStoreException e)
        {
            bool tooLarge = e.Error == FileStoreError.TooLarge;
            LogUploadRefused(deviceKey, name, remote, e.Message);
            metrics.Upload(tooLarge ? "too_large" : "bad_request", 0);
            await Problem(context, tooLarge ? StatusCodes.Status413RequestEntityTooLarge : StatusCodes.Status400BadRequest, tooLarge ? "Upload too large" : "Invalid upload", e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or BadHttpRequestException && context.RequestAborted.IsCancellationRequested)
        {
            LogUploadAborted(deviceKey, name, remote);
            metrics.Upload("aborted", 0);
        }
        catch (BadHttpRequestException e)
        {
            LogUploadRefused(deviceKey, name, remote, e.Message);
            metrics.Upload("bad_request", 0);
            await Problem(context, e.StatusCode, "Invalid upload", e.Message);
        }
        catch (IOException e)
        {
            LogUploadFailed(e, deviceKey, name);
            metrics.Upload("error", 0);
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "Upload not stored", "The server could not store the upload; try again later.");
        }
    }

    /// <summary>A URL without any of the signature's parameters: the device must prove who it is instead.</summary>
    private static bool IsUnsigned(IQueryCollection query) =>
        !query.ContainsKey("sig") && !query.ContainsKey("expires") && !query.ContainsKey("device");

    /// <summary>
    /// The device's own credentials (the ones the CWMP endpoint accepts). Returns who it is ("anonymous" when CPE
    /// authentication is off), or null once the refusal is written: 401 with the challenge, or 403 for the
    /// credentials of another device than the upload URL's.
    /// </summary>
    private async Task<string?> AuthenticateDeviceAsync(
        HttpContext context, IDeviceHttpAuthenticator authenticator, string? deviceKey, string what, string remote, bool upload)
    {
        DeviceHttpAuthentication result = await authenticator.AuthenticateAsync(context, deviceKey, context.RequestAborted);
        switch (result.Outcome)
        {
            case DeviceHttpAuthenticationOutcome.Authenticated:
                return result.DeviceKey!;
            case DeviceHttpAuthenticationOutcome.Anonymous:
                return "anonymous";
            case DeviceHttpAuthenticationOutcome.Forbidden:
                LogDeviceForbidden(what, result.Username ?? "?", deviceKey ?? "?", remote, result.Failure ?? "another device");
                Count(upload, "forbidden");
                await Problem(context, StatusCodes.Status403Forbidden, "Not authorised", "These credentials are not the ones of the device this URL is for.");
                return null;
            default:
                LogDeviceChallenged(what, result.Username ?? "(none)", remote, result.Failure ?? "no credentials");
                Count(upload, "unauthorized");
                authenticator.WriteChallenge(context.Response, result.Stale);
                await Problem(context, StatusCodes.Status401Unauthorized, "Authentication required",
                    "Authenticate with the device's own CWMP credentials (HTTP Digest or Basic), or use a signed URL.");
                return null;
        }
    }

    private void Count(bool upload, string outcome)
    {
        if (upload)
        {
            metrics.Upload(outcome, 0);
        }
        else
        {
            metrics.Download(outcome, 0);
        }
    }

    private static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => "The URL carries no signature (device, expires and sig).",
        SignatureCheck.Malformed => "expires is not a Unix time.",
        SignatureCheck.Expired => "The URL has expired.",
        _ => "The signature does not match this URL.",
    };

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        context.Response.HasStarted
            ? Task.CompletedTask
            : TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
