using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cwmp.Nbi.Problems;

/// <summary>Every NBI error is RFC 9457 problem+json; these build the common ones.</summary>
internal static class NbiProblems
{
    /// <summary>The key under which a handler leaves the problem's detail for the request log line.</summary>
    public const string DetailItem = "cwmp.nbi.problem.detail";

    public static ProblemHttpResult Problem(HttpContext context, int status, string title, string detail)
    {
        context.Items[DetailItem] = detail;
        return TypedResults.Problem(detail, context.Request.Path, status, title);
    }

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Problem(context, status, title, detail).ExecuteAsync(context);

    public static ProblemHttpResult DeviceNotFound(HttpContext context, string deviceKey) =>
        Problem(context, StatusCodes.Status404NotFound, "Device not found", $"no device '{deviceKey}' has ever informed this ACS");

    public static ProblemHttpResult TaskNotFound(HttpContext context, string deviceKey, string taskId) =>
        Problem(context, StatusCodes.Status404NotFound, "Task not found", $"device '{deviceKey}' has no task '{taskId}'");

    public static ProblemHttpResult Conflict(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Unavailable(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    /// <summary>400 with the fields at fault, each with its reasons (the RFC 9457 "errors" extension).</summary>
    public static ValidationProblem Invalid(HttpContext context, ValidationErrors errors)
    {
        string detail = errors.Summary();
        context.Items[DetailItem] = detail;
        return TypedResults.ValidationProblem(errors.ToDictionary(), detail, context.Request.Path, "The request is not valid");
    }
}
