using System.Globalization;
using Cwmp.Grains;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.DeviceDiagnostics;

/// <summary>/devices/{key}/diagnostics: run IPPing, TraceRoute and the TR-143 tests on a device (optionally wake it and wait), read the results.</summary>
internal static class DiagnosticEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder diagnostics = api.MapGroup("/devices/{key}/diagnostics").WithTags("Diagnostics");
        diagnostics.MapPost("/", RequestAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Run a diagnostic: {\"kind\":\"IPPing\",\"host\":...}; ?connectionRequest=true wakes the CPE, ?timeout=<seconds> waits for the results")
            .Produces<DiagnosticSubmissionJson>(StatusCodes.Status200OK).Produces<DiagnosticSubmissionJson>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        diagnostics.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The device's diagnostics, newest first (the last 20)").Produces<DiagnosticListJson>().ProducesProblem(StatusCodes.Status404NotFound);
        diagnostics.MapGet("/{id}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One diagnostic with its results").Produces<DiagnosticJson>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RequestAsync(HttpContext context, string key, IGrainFactory grains, IOptions<NbiOptions> options)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, DiagnosticRequestParser.ConnectionRequestField, DiagnosticRequestParser.TimeoutField);
        long maxWait = (long)options.Value.MaxWait.TotalSeconds;
        bool? queryConnectionRequest = NbiRequests.Single(context, errors, DiagnosticRequestParser.ConnectionRequestField) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => Fail<bool?>(errors, DiagnosticRequestParser.ConnectionRequestField, $"'{other}' is not true or false"),
        };
        long? queryTimeout = NbiRequests.Single(context, errors, DiagnosticRequestParser.TimeoutField) switch
        {
            null => null,
            var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds <= maxWait => seconds,
            var text => Fail<long?>(errors, DiagnosticRequestParser.TimeoutField, $"'{text}' is not a whole number of seconds from 0 to {maxWait}"),
        };
        (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var parsed = DiagnosticRequestParser.Parse(body, maxWait, errors);
        if (parsed?.ConnectionRequest is not null && queryConnectionRequest is not null)
        {
            errors.Add(DiagnosticRequestParser.ConnectionRequestField, "is given both in the query and in the body");
        }

        if (parsed?.Timeout is not null && queryTimeout is not null)
        {
            errors.Add(DiagnosticRequestParser.TimeoutField, "is given both in the query and in the body");
        }

        if (errors.Any || parsed is not { } request)
        {
            return NbiProblems.Invalid(context, errors);
        }

        AuditNote.Set(context, DiagnosticRequestParser.Summarize(request.Arguments));
        if (await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IDeviceDiagnosticsGrain device = grains.GetGrain<IDeviceDiagnosticsGrain>(key);
        DiagnosticStarted started;
        try
        {
            started = await device.RequestDiagnosticAsync(new DiagnosticRequest(
                request.Arguments,
                request.ConnectionRequest ?? queryConnectionRequest ?? false,
                context.User.Identity?.Name ?? NbiAuthentication.LabCaller)).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            // The grain checks the inputs against the device's data model and names the parameter at fault.
            errors.Add(string.IsNullOrEmpty(e.ParamName) ? "body" : e.ParamName, e.Message);
            return NbiProblems.Invalid(context, errors);
        }

        DiagnosticRecord record = started.Diagnostic;
        long waitSeconds = request.Timeout ?? queryTimeout ?? 0;
        if (waitSeconds > 0)
        {
            // The grain answers when the CPE reported, or when the wait ends: one call, no polling.
            record = await device.WaitForDiagnosticAsync(record.Id, TimeSpan.FromSeconds(waitSeconds)).ConfigureAwait(false) ?? record;
        }

        var json = new DiagnosticSubmissionJson(
            DiagnosticJson.From(key, record),
            started.ConnectionRequest is { } outcome ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()) : null);
        return waitSeconds > 0 && record.Status != DiagnosticStatus.Requested
            ? TypedResults.Ok(json)
            : TypedResults.Accepted(DiagnosticJson.PathOf(key, record.Id), json);
    }

    private static async Task<IResult> ListAsync(HttpContext context, string key, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        if (await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<DiagnosticRecord> records = await grains.GetGrain<IDeviceDiagnosticsGrain>(key).GetDiagnosticsAsync().ConfigureAwait(false);
        return TypedResults.Ok(new DiagnosticListJson(key, [.. records.Select(r => DiagnosticJson.From(key, r))]));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string key, string id, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        DiagnosticRecord? record = await grains.GetGrain<IDeviceDiagnosticsGrain>(key).GetDiagnosticAsync(id).ConfigureAwait(false);
        if (record is not null)
        {
            return TypedResults.Ok(DiagnosticJson.From(key, record));
        }

        return await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false) is null
            ? NbiProblems.DeviceNotFound(context, key)
            : NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Diagnostic not found", $"device '{key}' has no diagnostic '{id}' (it keeps the last 20)");
    }

    private static T? Fail<T>(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return default;
    }
}
