using Cwmp.Nbi.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Cwmp.Nbi.Problems;

/// <summary>
/// Turns what a grain or a store throws into problem+json: a refused argument is the caller's 400, an unreachable
/// cluster or store a 503, a timeout a 504, anything else a 500 whose detail does not leak internals.
/// </summary>
internal sealed class NbiExceptionFilter(ILogger<NbiExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Every failure must reach the caller as problem+json.
        catch (Exception e)
#pragma warning restore CA1031
        {
            (int status, string title, string detail) = Map(e);
            if (status >= 500)
            {
                NbiLog.Failed(logger, e, http.Request.Method, http.Request.Path, http.User.Identity?.Name ?? "anonymous", status);
            }

            return NbiProblems.Problem(http, status, title, detail);
        }
    }

    private static (int Status, string Title, string Detail) Map(Exception e) => e switch
    {
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
        ArgumentException argument => (StatusCodes.Status400BadRequest, "The request is not valid", argument.Message),
        KeyNotFoundException notFound => (StatusCodes.Status404NotFound, "Not found", notFound.Message),
        InvalidOperationException invalid => (StatusCodes.Status409Conflict, "Conflict", invalid.Message),
        TimeoutException => (StatusCodes.Status504GatewayTimeout, "Timeout", "the cluster did not answer in time; the call may still take effect"),
        Orleans.Runtime.OrleansException or RedisException =>
            (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "the cluster or its store is not reachable; retry later"),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", "the ACS failed to serve this request; see its log"),
    };
}
