using System.Globalization;
using Cwmp.Grains;
using Cwmp.Grains.Index;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Devices;

/// <summary>/devices: the index query, one device's summary and cached parameters, forgetting a device, its tags.</summary>
internal static class DeviceEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly string[] QueryNames =
    [
        "oui", "productClass", "softwareVersion", "hardwareVersion", "tag", "subscriberId", "lastInformFrom", "lastInformTo", "online", "cursor", "limit",
    ];

    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder devices = api.MapGroup("/devices").WithTags("Devices");
        devices.MapGet("/", QueryAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("Devices matching the filters, from the device index (no device grain is activated)")
            .Produces<DeviceListJson>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        devices.MapGet("/{key}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One device's summary").Produces<DeviceSummary>().ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapGet("/{key}/parameters", ParametersAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The cached parameter tree under ?path= (all when absent)").Produces<ParameterListJson>().ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapDelete("/{key}", ForgetAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Forget the device: its state, tasks and cached parameters").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapPost("/{key}/tags", ChangeTagsAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Add and remove tags: {\"add\":[...],\"remove\":[...]} (removals first)")
            .Produces<TagsJson>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapPut("/{key}/tags", ReplaceTagsAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Replace the tags: {\"tags\":[...]}")
            .Produces<TagsJson>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, QueryNames);
        IQueryCollection q = context.Request.Query;
        List<string> tags = [.. q["tag"].OfType<string>()];
        for (int i = 0; i < tags.Count; i++)
        {
            if (!DeviceTags.IsValid(tags[i]))
            {
                errors.Add("tag", $"'{tags[i]}' is not 1–{DeviceTags.MaxLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
            }
        }

        DateTimeOffset? from = Time(context, errors, "lastInformFrom");
        DateTimeOffset? to = Time(context, errors, "lastInformTo");
        bool? online = NbiRequests.Single(context, errors, "online") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => Invalid(errors, "online", $"'{other}' is not true or false"),
        };
        int limit = DefaultLimit;
        if (NbiRequests.Single(context, errors, "limit") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        var query = new DeviceQuery
        {
            Oui = NbiRequests.Single(context, errors, "oui"),
            ProductClass = NbiRequests.Single(context, errors, "productClass"),
            SoftwareVersion = NbiRequests.Single(context, errors, "softwareVersion"),
            HardwareVersion = NbiRequests.Single(context, errors, "hardwareVersion"),
            SubscriberId = NbiRequests.Single(context, errors, "subscriberId"),
            Tags = tags,
            LastInformFrom = from,
            LastInformTo = to,
            Online = online,
        };
        string? cursor = NbiRequests.Single(context, errors, "cursor");
        if (from is not null && to is not null && from >= to)
        {
            errors.Add("lastInformTo", "must be later than lastInformFrom");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        // The index (issue 7) is registered by the host; until then the query says so instead of scanning grains.
        if (context.RequestServices.GetService<IDeviceIndex>() is not { } index)
        {
            return NbiProblems.Unavailable(context, "device index not configured: this ACS has no IDeviceIndex registered (it lands with issue 7)");
        }

        DeviceQueryPage page = await index.QueryAsync(query, cursor, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DeviceListJson(page.Devices, page.NextCursor));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string key, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        DeviceSummary? summary = await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false);
        return summary is null ? NbiProblems.DeviceNotFound(context, key) : TypedResults.Ok(summary);
    }

    private static async Task<IResult> ParametersAsync(HttpContext context, string key, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "path");
        string path = NbiRequests.Single(context, errors, "path") ?? string.Empty;
        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<CachedParameter> parameters = await device.GetParametersAsync(path).ConfigureAwait(false);
        return TypedResults.Ok(new ParameterListJson(key, path, parameters));
    }

    private static async Task<IResult> ForgetAsync(HttpContext context, string key, IGrainFactory grains)
    {
        AuditNote.Set(context, "forget device");
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        await device.ForgetAsync().ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangeTagsAsync(HttpContext context, string key, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        JsonObjectReader? reader = JsonObjectReader.Open(body, string.Empty, errors);
        List<string>? add = reader?.Strings("add", false, 0, 100, DeviceTags.MaxLength, TagReason);
        List<string>? remove = reader?.Strings("remove", false, 0, 100, DeviceTags.MaxLength, TagReason);
        if (reader is not null && !reader.Has("add") && !reader.Has("remove"))
        {
            errors.Add("add", "add or remove (or both) is required");
        }

        reader?.RejectUnknown();
        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        AuditNote.Set(context, "tags " + string.Join(' ', (add ?? []).Select(t => "+" + t).Concat((remove ?? []).Select(t => "-" + t))));
        return await UpdateTagsAsync(context, key, grains, new TagChange(add ?? [], remove ?? [])).ConfigureAwait(false);
    }

    private static async Task<IResult> ReplaceTagsAsync(HttpContext context, string key, IGrainFactory grains)
    {
        if (NbiRequests.CheckDeviceKey(context, key) is { } invalid)
        {
            return invalid;
        }

        (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        JsonObjectReader? reader = JsonObjectReader.Open(body, string.Empty, errors);
        List<string>? tags = reader?.Strings("tags", true, 0, 100, DeviceTags.MaxLength, TagReason);
        reader?.RejectUnknown();
        if (errors.Any || tags is null)
        {
            return NbiProblems.Invalid(context, errors);
        }

        AuditNote.Set(context, "tags = " + string.Join(' ', tags));
        DeviceSummary? summary = await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false);
        if (summary is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        var change = new TagChange([.. tags.Except(summary.Tags, StringComparer.Ordinal)], [.. summary.Tags.Except(tags, StringComparer.Ordinal)]);
        return await UpdateTagsAsync(context, key, grains, change).ConfigureAwait(false);
    }

    private static async Task<IResult> UpdateTagsAsync(HttpContext context, string key, IGrainFactory grains, TagChange change)
    {
        IDeviceGrain device = grains.GetGrain<IDeviceGrain>(key);
        if (await device.GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<string> tags = await device.UpdateTagsAsync(change).ConfigureAwait(false);
        return TypedResults.Ok(new TagsJson(tags));
    }

    private static string? TagReason(string tag) =>
        DeviceTags.IsValid(tag) ? null : $"'{tag}' is not 1–{DeviceTags.MaxLength} characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'";

    private static DateTimeOffset? Time(HttpContext context, ValidationErrors errors, string name)
    {
        string? text = NbiRequests.Single(context, errors, name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return time;
        }

        errors.Add(name, $"'{text}' is not an ISO 8601 date and time (e.g. 2026-01-31T12:00:00Z)");
        return null;
    }

    private static bool? Invalid(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}

/// <summary>One page of a device query.</summary>
internal sealed record DeviceListJson(IReadOnlyList<DeviceIndexEntry> Devices, string? NextCursor);

/// <summary>A device's cached parameters under a path.</summary>
internal sealed record ParameterListJson(string DeviceKey, string Path, IReadOnlyList<CachedParameter> Parameters);

/// <summary>A device's tags.</summary>
internal sealed record TagsJson(IReadOnlyList<string> Tags);
