using System.Globalization;
using Cwmp.Grains;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Cwmp.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.Tasks;

/// <summary>/devices/{key}/tasks and /faults: queue an RPC (optionally wake the CPE and wait), read, cancel, retry.</summary>
internal static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder tasks = api.MapGroup("/devices/{key}/tasks").WithTags("Tasks");
        tasks.MapPost("/", SubmitAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Queue one ACS→CPE RPC; ?connectionRequest=true wakes the CPE, ?timeout=<seconds> waits for the result")
            .Produces<TaskSubmissionJson>(StatusCodes.Status200OK).Produces<TaskSubmissionJson>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("Every task the device holds").Produces<TaskListJson>().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapGet("/{id}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One task").Produces<TaskJson>().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapDelete("/{id}", CancelAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Cancel a task that has not been sent").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id}/retry", RetryAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Queue a faulted task's request again (same options as a submission)")
            .Produces<TaskSubmissionJson>(StatusCodes.Status200OK).Produces<TaskSubmissionJson>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/faults", FaultsAsync).WithTags("Tasks").RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The faulted tasks of ?device=<key>").Produces<TaskListJson>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, string key, IGrainFactory grains, IOptions<NbiOptions> options)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, TaskRequestParser.ConnectionRequestField, TaskRequestParser.TimeoutField);
        (bool? queryConnectionRequest, long? queryTimeout) = QueryOptions(context, errors, options.Value);
        (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        TaskSubmission? submission = TaskRequestParser.Parse(body, (long)options.Value.MaxWait.TotalSeconds, errors);
        if (submission?.ConnectionRequest is not null && queryConnectionRequest is not null)
        {
            errors.Add(TaskRequestParser.ConnectionRequestField, "is given both in the query and in the body");
        }

        if (submission?.TimeoutSeconds is not null && queryTimeout is not null)
        {
            errors.Add(TaskRequestParser.TimeoutField, "is given both in the query and in the body");
        }

        if (errors.Any || submission is null)
        {
            return NbiProblems.Invalid(context, errors);
        }

        AuditNote.Set(context, submission.Summary);
        return await EnqueueAsync(
            context,
            key,
            grains,
            submission.Requests,
            submission.ConnectionRequest ?? queryConnectionRequest ?? false,
            submission.TimeoutSeconds ?? queryTimeout ?? 0).ConfigureAwait(false);
    }

    private static async Task<IResult> RetryAsync(HttpContext context, string key, string id, IGrainFactory grains, IOptions<NbiOptions> options)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, TaskRequestParser.ConnectionRequestField, TaskRequestParser.TimeoutField);
        (bool? connectionRequest, long? timeout) = QueryOptions(context, errors, options.Value);
        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        DeviceTaskView? task = await grains.GetGrain<IDeviceGrain>(key).GetTaskAsync(id).ConfigureAwait(false);
        if (task is null)
        {
            return await NotFoundAsync(context, key, id, grains).ConfigureAwait(false);
        }

        AuditNote.Set(context, $"retry {id} ({task.Method})");
        if (task.State != DeviceTaskState.Faulted)
        {
            return NbiProblems.Conflict(context, $"task '{id}' is {TaskJson.StateName(task.State)}; only a faulted task can be retried");
        }

        return await EnqueueAsync(context, key, grains, [task.Request], connectionRequest ?? false, timeout ?? 0).ConfigureAwait(false);
    }

    private static async Task<IResult> EnqueueAsync(
        HttpContext context, string key, IGrainFactory grains, IReadOnlyList<CwmpRequest> requests, bool connectionRequest, long timeoutSeconds)
    {
        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        string requester = context.User.Identity?.Name ?? NbiAuthentication.LabCaller;
        TimeSpan? wait = timeoutSeconds > 0 ? TimeSpan.FromSeconds(timeoutSeconds) : null;
        EnqueueResult result = await device.EnqueueAsync(new EnqueueRequest(requests, connectionRequest, wait, requester)).ConfigureAwait(false);
        var json = new TaskSubmissionJson(
            [.. result.Tasks.Select(t => TaskJson.From(key, t))],
            result.ConnectionRequest is { } outcome ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()) : null);

        // 200 only when the caller waited and every task is final; else 202 and where to look.
        if (wait is not null && result.Tasks.Count > 0 && result.Tasks.All(t => TaskJson.IsFinal(t.State)))
        {
            return TypedResults.Ok(json);
        }

        return TypedResults.Accepted(TaskLocation(key, result.Tasks[0].Id), json);
    }

    private static async Task<IResult> ListAsync(HttpContext context, string key, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<DeviceTaskView> tasks = await device.GetTasksAsync().ConfigureAwait(false);
        return TypedResults.Ok(new TaskListJson([.. tasks.Select(t => TaskJson.From(key, t))]));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string key, string id, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        DeviceTaskView? task = await grains.GetGrain<IDeviceGrain>(key).GetTaskAsync(id).ConfigureAwait(false);
        return task is null ? await NotFoundAsync(context, key, id, grains).ConfigureAwait(false) : TypedResults.Ok(TaskJson.From(key, task));
    }

    private static async Task<IResult> CancelAsync(HttpContext context, string key, string id, IGrainFactory grains)
    {
        AuditNote.Set(context, $"cancel {id}");
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.CancelTaskAsync(id).ConfigureAwait(false))
        {
            return TypedResults.NoContent();
        }

        DeviceTaskView? task = await device.GetTaskAsync(id).ConfigureAwait(false);
        return task is null
            ? await NotFoundAsync(context, key, id, grains).ConfigureAwait(false)
            : NbiProblems.Conflict(context, $"task '{id}' is {TaskJson.StateName(task.State)}; only a task not yet sent can be cancelled");
    }

    private static async Task<IResult> FaultsAsync(HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "device");
        string? key = NbiRequests.Single(context, errors, "device");
        if (key is null && !errors.Any)
        {
            errors.Add("device", "is required (the device key whose faulted tasks to list)");
        }

        if (errors.Any || key is null)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<DeviceTaskView> tasks = await device.GetTasksAsync().ConfigureAwait(false);
        return TypedResults.Ok(new TaskListJson([.. tasks.Where(t => t.State == DeviceTaskState.Faulted).Select(t => TaskJson.From(key, t))]));
    }

    /// <summary>404 naming what is missing: the device or only the task.</summary>
    private static async Task<IResult> NotFoundAsync(HttpContext context, string key, string id, IGrainFactory grains) =>
        await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false) is null
            ? NbiProblems.DeviceNotFound(context, key)
            : NbiProblems.TaskNotFound(context, key, id);

    private static (bool? ConnectionRequest, long? Timeout) QueryOptions(HttpContext context, ValidationErrors errors, NbiOptions options)
    {
        bool? connectionRequest = NbiRequests.Single(context, errors, TaskRequestParser.ConnectionRequestField) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => Fail<bool?>(errors, TaskRequestParser.ConnectionRequestField, $"'{other}' is not true or false", null),
        };
        long max = (long)options.MaxWait.TotalSeconds;
        long? timeout = NbiRequests.Single(context, errors, TaskRequestParser.TimeoutField) switch
        {
            null => null,
            var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds <= max => seconds,
            var text => Fail<long?>(errors, TaskRequestParser.TimeoutField, $"'{text}' is not a whole number of seconds from 0 to {max}", null),
        };
        return (connectionRequest, timeout);
    }

    private static T Fail<T>(ValidationErrors errors, string field, string message, T value)
    {
        errors.Add(field, message);
        return value;
    }

    private static string TaskLocation(string key, string id) =>
        $"/api/v1/devices/{Uri.EscapeDataString(key)}/tasks/{Uri.EscapeDataString(id)}";
}

/// <summary>What a submission answers: the queued task(s) and, when one was asked for, how the connection request ended.</summary>
internal sealed record TaskSubmissionJson(IReadOnlyList<TaskJson> Tasks, string? ConnectionRequest);

internal sealed record TaskListJson(IReadOnlyList<TaskJson> Tasks);
