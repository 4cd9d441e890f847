using Cwmp.Grains;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cwmp.Nbi.DeviceDiagnostics;

/// <summary>/devices/{key}/history?parameter=: the values a CPE reported for one parameter with "4 VALUE CHANGE".</summary>
internal static class HistoryEndpoints
{
    private const int MaxName = 256;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/devices/{key}/history", GetAsync).WithTags("Diagnostics").RequireNbiRole(NbiRole.Viewer)
            .WithSummary("The recent values of ?parameter=<full name> the device notified (VALUE CHANGE), newest first (the last 20)")
            .Produces<ValueHistoryJson>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(HttpContext context, string key, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        NbiRequests.RejectUnknownQuery(context, errors, "parameter");
        string? parameter = NbiRequests.Single(context, errors, "parameter");
        if (parameter is null && !errors.Any)
        {
            errors.Add("parameter", "is required: the full name of a parameter, e.g. Device.WiFi.SSID.1.SSID");
        }
        else if (parameter is not null && (parameter.Length is 0 or > MaxName || parameter.EndsWith('.') || parameter.Any(char.IsControl)))
        {
            errors.Add("parameter", $"'{parameter}' is not a full parameter name (1–{MaxName} characters, not an object path ending in '.')");
        }

        if (errors.Any || parameter is null)
        {
            return NbiProblems.Invalid(context, errors);
        }

        if (NbiRequests.CheckDeviceKey(context, key) is { } invalidKey)
        {
            return invalidKey;
        }

        if (await grains.GetGrain<IDeviceGrain>(key).GetSummaryAsync().ConfigureAwait(false) is null)
        {
            return NbiProblems.DeviceNotFound(context, key);
        }

        IReadOnlyList<ParameterValueChange> values = await grains.GetGrain<IDeviceHistoryGrain>(key).GetValueHistoryAsync(parameter).ConfigureAwait(false);
        return TypedResults.Ok(new ValueHistoryJson(key, parameter, values));
    }
}

internal sealed record ValueHistoryJson(string DeviceKey, string Parameter, IReadOnlyList<ParameterValueChange> Values);
