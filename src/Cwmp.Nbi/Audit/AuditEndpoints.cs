using System.Globalization;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cwmp.Nbi.Audit;

/// <summary>GET /audit: the audit trail of mutating calls, newest first (admin only).</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", QueryAsync).WithTags("Audit").RequireNbiRole(NbiRole.Admin)
            .WithSummary("Mutating calls, newest first: ?device=<key>&since=<ISO 8601>&limit=<1-1000>")
            .Produces<AuditListJson>().ProducesValidationProblem();

    private static async Task<IResult> QueryAsync(HttpContext context, IAuditLog audit)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "device", "since", "limit");
        string? device = NbiRequests.Single(context, errors, "device");
        DateTimeOffset? since = null;
        if (NbiRequests.Single(context, errors, "since") is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                since = parsed;
            }
            else
            {
                errors.Add("since", $"'{text}' is not an ISO 8601 date and time (e.g. 2026-01-31T12:00:00Z)");
            }
        }

        int limit = DefaultLimit;
        if (NbiRequests.Single(context, errors, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        if (errors.Any)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (device is not null && NbiRequests.CheckDeviceKey(context, device) is { } invalid)
        {
            return invalid;
        }

        IReadOnlyList<AuditEntry> entries = await audit.QueryAsync(new AuditQuery(device, since, limit), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new AuditListJson(entries));
    }
}

internal sealed record AuditListJson(IReadOnlyList<AuditEntry> Entries);
