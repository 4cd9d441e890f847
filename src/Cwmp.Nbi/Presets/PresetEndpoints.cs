using System.Text.Json;
using System.Text.Json.Nodes;
using Cwmp.DataModel;
using Cwmp.Grains.Presets;
using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cwmp.Nbi.Presets;

/// <summary>/presets: list, read, create or replace (validated against the BBF data models), delete.</summary>
internal static class PresetEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        RouteGroupBuilder presets = api.MapGroup("/presets").WithTags("Presets");
        presets.MapGet("/", ListAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("Every preset, with the registry's version").Produces<JsonObject>();
        presets.MapGet("/{name}", GetAsync).RequireNbiRole(NbiRole.Viewer)
            .WithSummary("One preset").Produces<JsonObject>().ProducesProblem(StatusCodes.Status404NotFound);
        presets.MapPut("/{name}", PutAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Create (201) or replace (200) a preset; every value is validated against the BBF data models")
            .Produces<JsonObject>().Produces<JsonObject>(StatusCodes.Status201Created).ProducesValidationProblem();
        presets.MapDelete("/{name}", DeleteAsync).RequireNbiRole(NbiRole.Operator)
            .WithSummary("Delete a preset").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        PresetSnapshot snapshot = await Registry(grains).GetSnapshotAsync().ConfigureAwait(false);
        return TypedResults.Ok(new JsonObject
        {
            ["version"] = snapshot.Version,
            ["presets"] = new JsonArray([.. snapshot.Presets.Select(p => (JsonNode)PresetJson.Write(p))]),
        });
    }

    private static async Task<IResult> GetAsync(HttpContext context, string name, IGrainFactory grains)
    {
        Preset? preset = await Registry(grains).GetAsync(name).ConfigureAwait(false);
        return preset is null ? NotFound(context, name) : TypedResults.Ok(PresetJson.Write(preset));
    }

    private static async Task<IResult> PutAsync(HttpContext context, string name, IGrainFactory grains)
    {
        AuditNote.Set(context, "preset " + name);
        (JsonElement body, IResult? problem) = await NbiRequests.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var parser = new PresetRequestParser(context.RequestServices.GetRequiredService<DataModelCatalog>());
        Preset? preset = parser.Parse(name, body, errors);
        if (errors.Any || preset is null)
        {
            NbiDiagnosticsFor(context).PresetRejected(name, errors.Summary());
            return NbiProblems.Invalid(context, errors);
        }

        bool created = await Registry(grains).PutAsync(preset).ConfigureAwait(false);
        JsonObject json = PresetJson.Write(preset);
        return created ? TypedResults.Created($"/api/v1/presets/{Uri.EscapeDataString(name)}", json) : TypedResults.Ok(json);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string name, IGrainFactory grains)
    {
        AuditNote.Set(context, "delete preset " + name);
        return await Registry(grains).DeleteAsync(name).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound(context, name);
    }

    private static IPresetRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IPresetRegistryGrain>(IPresetRegistryGrain.Key);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(HttpContext context, string name) =>
        NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Preset not found", $"no preset '{name}'");

    private static PresetDiagnostics NbiDiagnosticsFor(HttpContext context) => context.RequestServices.GetRequiredService<PresetDiagnostics>();
}
