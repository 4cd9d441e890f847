using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Diagnostics;
using Cwmp.Nbi.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Cwmp.Nbi.Hosting;

/// <summary>
/// Around every NBI request, authentication included (so that 401s and 403s count too): the request metric, a log
/// line for every refusal, and an audit entry for every mutating call. The audit entry is written after the answer,
/// with its status; a store that fails is logged and counted, and does not turn a done call into an error.
/// </summary>
internal sealed class NbiRequestMiddleware(
    RequestDelegate next,
    NbiMetrics metrics,
    IAuditLog audit,
    TimeProvider time,
    ILogger<NbiRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        Endpoint? endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<NbiEndpointMarker>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        long started = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            await AfterAsync(context, endpoint, started).ConfigureAwait(false);
        }
    }

    private async Task AfterAsync(HttpContext context, Endpoint endpoint, long started)
    {
        HttpRequest request = context.Request;
        int status = context.Response.StatusCode;
        string route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value ?? string.Empty;
        string caller = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous";
        metrics.Request(route, request.Method, status, time.GetElapsedTime(started));
        if (status is >= 400 and not StatusCodes.Status401Unauthorized and not StatusCodes.Status403Forbidden)
        {
            // 401/403 have their own warning from the authentication handler; 5xx theirs from the exception filter.
            NbiLog.Refused(logger, request.Method, request.Path, caller, status, context.Items[NbiProblems.DetailItem] as string);
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return;
        }

        var entry = new AuditEntry(
            Guid.NewGuid().ToString("N"),
            time.GetUtcNow(),
            caller,
            request.Method,
            request.Path.Value ?? string.Empty,
            AuditNote.Get(context),
            context.Request.RouteValues.TryGetValue("key", out object? key) ? key as string : null,
            status);
        try
        {
            await audit.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The call is answered already; a failing audit store must not fail it, only be seen.
        catch (Exception e)
#pragma warning restore CA1031
        {
            metrics.AuditFailed();
            NbiLog.AuditFailed(logger, e, request.Method, request.Path, caller);
        }
    }
}
