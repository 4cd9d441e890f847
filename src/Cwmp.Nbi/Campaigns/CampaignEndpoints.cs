using System.Globalization;
using System.Security.Cryptography;
using Cwmp.Files;
using Cwmp.Grains;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.Campaigns;

/// <summary>/campaigns: create (validated against the file store and the device index), list, progress, start/pause/resume/cancel, failures.</summary>
internal static class CampaignEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CreateAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Create a campaign: {target, firmware:{file} | parameters:[...], rollout}; it starts with POST …/start")
            .Produces<CampaignJson>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The campaigns, newest first, with their status: ?limit=&cursor=").Produces<CampaignListJson>().ProducesValidationProblem();
        campaigns.MapGet("/{id}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One campaign: its definition and progress").Produces<CampaignJson>().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/{id}/start", (HttpContext c, string id, IGrainFactory g) => ChangeAsync(c, id, g, "start", (campaign, _) => campaign.StartAsync()))
            .RequireNbiRole(NbiRole.Operator).WithSummary("Start a created campaign: the target is counted and the waves fixed")
            .Produces<CampaignProgress>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPost("/{id}/pause", (HttpContext c, string id, IGrainFactory g) => ChangeAsync(c, id, g, "pause", (campaign, reason) => campaign.PauseAsync(reason ?? string.Empty)))
            .RequireNbiRole(NbiRole.Operator).WithSummary("Pause a running campaign (optional body {\"reason\":\"...\"}); devices in flight finish")
            .Produces<CampaignProgress>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPost("/{id}/resume", (HttpContext c, string id, IGrainFactory g) => ChangeAsync(c, id, g, "resume", (campaign, _) => campaign.ResumeAsync()))
            .RequireNbiRole(NbiRole.Operator).WithSummary("Resume a paused campaign")
            .Produces<CampaignProgress>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapPost("/{id}/cancel", (HttpContext c, string id, IGrainFactory g) => ChangeAsync(c, id, g, "cancel", (campaign, _) => campaign.CancelAsync()))
            .RequireNbiRole(NbiRole.Operator).WithSummary("Cancel for good: no new starts; devices in flight finish and are counted")
            .Produces<CampaignProgress>().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/{id}/failures", FailuresAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("Failed devices with their fault code: ?limit=<1-1000>").Produces<CampaignFailureListJson>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors);
        CampaignRequest? request = CampaignRequestParser.Parse(body, errors);
        if (errors.Any || request is null)
        {
            return NbiProblems.Invalid(context, errors);
        }

        string id = request.Id ?? NewId(time);
        AuditNote.Set(context, $"create campaign {id}" + (request.Firmware is { } f ? $" firmware {f.File}" : $" {request.Parameters.Count} parameters"));
        if (context.RequestServices.GetService<IDeviceIndex>() is not { } index)
        {
            return NbiProblems.Unavailable(context, "device index not configured: this ACS has no IDeviceIndex registered, so a campaign's target cannot be counted");
        }

        FirmwareAction? firmware = null;
        if (request.Firmware is { } wanted)
        {
            (firmware, IResult? refused) = await FirmwareAsync(context, wanted, errors).ConfigureAwait(false);
            if (refused is not null)
            {
                return refused;
            }
        }

        long[] perShard = await Task.WhenAll(Enumerable.Range(0, index.ShardCount).Select(s => index.CountShardAsync(s, request.Target, context.RequestAborted))).ConfigureAwait(false);
        long targeted = perShard.Sum();
        if (targeted == 0)
        {
            errors.Add("target", "matches no device of the device index");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        var definition = new CampaignDefinition
        {
            Name = request.Name,
            Target = request.Target,
            Firmware = firmware,
            Parameters = request.Parameters,
            Rollout = request.Rollout,
        };
        try
        {
            // The contract's own rules, after the field-by-field ones above: a rule only it knows is still a 400.
            definition.Validate();
        }
        catch (ArgumentException e)
        {
            errors.Add("body", e.Message);
            return NbiProblems.Invalid(context, errors);
        }

        ICampaignGrain campaign = grains.GetGrain<ICampaignGrain>(id);
        try
        {
            await campaign.CreateAsync(definition).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return NbiProblems.Conflict(context, $"a campaign '{id}' exists already; choose another id");
        }

        string creator = context.User.Identity?.Name ?? NbiAuthentication.LabCaller;
        await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key)
            .AddAsync(new CampaignCatalogEntry(id, request.Name, time.GetUtcNow(), creator)).ConfigureAwait(false);
        CampaignProgress? progress = await campaign.GetProgressAsync().ConfigureAwait(false);
        return TypedResults.Created(CampaignJson.PathOf(id), CampaignJson.From(id, definition, progress!, targeted));
    }

    /// <summary>
    /// The firmware file must be in the file store. Its URL is the file port's plain <c>/files/{id}</c>, which devices
    /// fetch with their own credentials: it does not expire during a campaign of days (docs/decisions/0008).
    /// </summary>
    private static async Task<(FirmwareAction? Firmware, IResult? Problem)> FirmwareAsync(HttpContext context, FirmwareRequest wanted, ValidationErrors errors)
    {
        if (context.RequestServices.GetService<IFileStore>() is not { } store)
        {
            return (null, Files.FileEndpoints.FilesUnavailable(context));
        }

        FileMetadata? file = await store.GetAsync(wanted.File, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            errors.Add("firmware.file", $"there is no file '{wanted.File}' in the file store (store it with PUT /api/v1/files/{{id}} first)");
            return (null, null);
        }

        string? version = wanted.TargetSoftwareVersion ?? file.Version;
        if (string.IsNullOrWhiteSpace(version))
        {
            errors.Add("firmware.targetSoftwareVersion", $"is required: file '{file.Id}' has no version to take it from");
        }

        if (file.Size > uint.MaxValue)
        {
            errors.Add("firmware.file", $"file '{file.Id}' is {file.Size} bytes, more than a Download's FileSize (unsignedInt) can say");
        }

        Uri? publicBase = context.RequestServices.GetService<IOptions<CwmpFilesOptions>>()?.Value.PublicBaseUrl;
        if (publicBase is null)
        {
            return (null, NbiProblems.Unavailable(context, "Cwmp:Files:PublicBaseUrl is not set: the ACS does not know the URL devices reach the file port at"));
        }

        if (errors.Any)
        {
            return (null, null);
        }

        var root = publicBase.AbsoluteUri.EndsWith('/') ? publicBase : new Uri(publicBase.AbsoluteUri + "/");
        var url = new Uri(root, "files/" + Uri.EscapeDataString(file.Id));
        return (new FirmwareAction(url.AbsoluteUri, version!, file.FileType, (uint)file.Size), null);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "limit", "cursor");
        int limit = DefaultLimit;
        if (NbiRequests.Single(context, errors, "limit") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        string? cursor = NbiRequests.Single(context, errors, "cursor");
        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        CampaignCatalogPage page;
        try
        {
            page = await grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key).ListAsync(cursor, limit).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            errors.Add("cursor", $"'{cursor}' is not a cursor of this list (the nextCursor of a previous page)");
            return NbiProblems.Invalid(context, errors);
        }

        // One call per campaign of the page: campaigns are few, and each answers from its own state.
        CampaignProgress?[] progress = await Task.WhenAll(page.Entries.Select(e => grains.GetGrain<ICampaignGrain>(e.Id).GetProgressAsync())).ConfigureAwait(false);
        return TypedResults.Ok(new CampaignListJson(
            [.. page.Entries.Select((e, i) => new CampaignSummaryJson(e.Id, CampaignJson.PathOf(e.Id), e.Name, e.CreatedAt, e.CreatedBy, progress[i]?.Status, progress[i]?.PauseReason))],
            page.NextAfterId));
    }

    private static async Task<IResult> GetAsync(HttpContext context, string id, IGrainFactory grains)
    {
        if (CheckId(context, id) is { } invalid)
        {
            return invalid;
        }

        ICampaignGrain campaign = grains.GetGrain<ICampaignGrain>(id);
        CampaignProgress? progress = await campaign.GetProgressAsync().ConfigureAwait(false);
        CampaignDefinition? definition = progress is null ? null : await campaign.GetDefinitionAsync().ConfigureAwait(false);
        return progress is null || definition is null ? CampaignNotFound(context, id) : TypedResults.Ok(CampaignJson.From(id, definition, progress, null));
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string id, IGrainFactory grains, string action, Func<ICampaignGrain, string?, Task<CampaignProgress>> change)
    {
        AuditNote.Set(context, $"{action} campaign {id}");
        if (CheckId(context, id) is { } invalid)
        {
            return invalid;
        }

        string? reason = null;
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            (System.Text.Json.JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new ValidationErrors();
            JsonObjectReader? reader = JsonObjectReader.Open(body, string.Empty, errors);
            reason = action == "pause" ? reader?.String("reason", false, 256) : null;
            reader?.RejectUnknown();
            if (errors.Any)
            {
                return NbiProblems.Invalid(context, errors);
            }
        }

        ICampaignGrain campaign = grains.GetGrain<ICampaignGrain>(id);
        if (await campaign.GetProgressAsync().ConfigureAwait(false) is null)
        {
            return CampaignNotFound(context, id);
        }

        try
        {
            string caller = context.User.Identity?.Name ?? NbiAuthentication.LabCaller;
            return TypedResults.Ok(await change(campaign, reason is null ? $"paused by {caller}" : $"{reason} ({caller})").ConfigureAwait(false));
        }
        catch (InvalidOperationException e)
        {
            return NbiProblems.Conflict(context, $"cannot {action} campaign '{id}': {e.Message}");
        }
        catch (ArgumentException e)
        {
            // Not the caller's doing: the cluster could not reach the campaign's shard workers (e.g. a build without them).
            return NbiProblems.Unavailable(context, $"the cluster could not {action} campaign '{id}': {e.Message}");
        }
    }

    private static async Task<IResult> FailuresAsync(HttpContext context, string id, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "limit");
        int limit = DefaultLimit;
        if (NbiRequests.Single(context, errors, "limit") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (CheckId(context, id) is { } invalid)
        {
            return invalid;
        }

        ICampaignGrain campaign = grains.GetGrain<ICampaignGrain>(id);
        if (await campaign.GetProgressAsync().ConfigureAwait(false) is null)
        {
            return CampaignNotFound(context, id);
        }

        IReadOnlyList<CampaignFailure> failures = await campaign.GetFailuresAsync(limit).ConfigureAwait(false);
        return TypedResults.Ok(new CampaignFailureListJson(id, failures));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? CheckId(HttpContext context, string id)
    {
        if (CampaignRequestParser.IsValidId(id))
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("id", $"'{(id.Length <= 64 ? id : id[..64] + "…")}' is not a campaign id (1–{CampaignRequestParser.MaxIdLength} characters of [A-Za-z0-9._-])");
        return NbiProblems.Invalid(context, errors);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult CampaignNotFound(HttpContext context, string id) =>
        NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Campaign not found", $"there is no campaign '{id}'");

    /// <summary>A readable id that sorts by creation: "c-20261201-081500-3fa9c2".</summary>
    private static string NewId(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"c-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
}
