using Cwmp.Nbi.Audit;
using Cwmp.Nbi.Campaigns;
using Cwmp.Nbi.DeviceDiagnostics;
using Cwmp.Nbi.Devices;
using Cwmp.Nbi.Files;
using Cwmp.Nbi.Hosting;
using Cwmp.Nbi.Problems;
using Cwmp.Nbi.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the northbound REST API.</summary>
public static class NbiEndpointRouteBuilderExtensions
{
    /// <summary>The OpenAPI document's name, which is also the version segment of the API's path.</summary>
    public const string DocumentName = "v1";

    /// <summary>
    /// The request metric, log lines and audit around the NBI's endpoints, then authentication and authorization.
    /// Call after routing (and after any middleware that must refuse a request first, such as a port check).
    /// </summary>
    public static IApplicationBuilder UseCwmpNbi(this IApplicationBuilder app)
    {
        app.UseMiddleware<NbiRequestMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// /api/v1/…: devices, tasks, faults, audit, and the OpenAPI document at /api/v1/openapi.json. Returns the /api
    /// group, so that the host can add conventions to all of it (e.g. the port it answers on).
    /// </summary>
    public static RouteGroupBuilder MapCwmpNbiApiV1(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder api = endpoints.MapGroup("/api");
        api.WithMetadata(NbiEndpointMarker.Instance);
        api.MapOpenApi("/{documentName}/openapi.json");

        RouteGroupBuilder v1 = api.MapGroup("/" + DocumentName);
        v1.AddEndpointFilter<NbiExceptionFilter>();
        DeviceEndpoints.Map(v1);
        TaskEndpoints.Map(v1);
        AuditEndpoints.Map(v1);
        FileEndpoints.Map(v1);
        UploadEndpoints.Map(v1);
        DiagnosticEndpoints.Map(v1);
        HistoryEndpoints.Map(v1);
        CampaignEndpoints.Map(v1);
        Cwmp.Nbi.Presets.PresetEndpoints.Map(v1);
        Cwmp.Nbi.Subscribers.SubscriberEndpoints.Map(v1);

        // Anything else under /api/v1 is a problem+json 404 too, not an empty one.
        v1.MapFallback("{**path}", (HttpContext context) =>
            NbiProblems.Problem(context, StatusCodes.Status404NotFound, "Not found", $"no NBI endpoint {context.Request.Method} {context.Request.Path}"))
            .ExcludeFromDescription();
        return api;
    }
}
