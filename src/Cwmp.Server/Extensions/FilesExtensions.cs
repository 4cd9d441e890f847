using Cwmp.Files;
using Cwmp.Server.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Cwmp.Server.Extensions;

internal static class FilesExtensions
{
    /// <summary>
    /// The file server (Cwmp:Files) in every process that faces CPEs: the gateway role. The stores are folders, so
    /// every gateway of a deployment mounts the same volume and shares Cwmp:Files:SigningSecret.
    /// </summary>
    public static WebApplicationBuilder AddCwmpFilesRole(this WebApplicationBuilder builder, ServerRoles roles)
    {
        if (roles.HasFlag(ServerRoles.Gateway))
        {
            builder.Services.AddCwmpFiles(builder.Configuration);
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(FilesTelemetry.MeterName));
        }

        return builder;
    }

    /// <summary>/files and /uploads on the file port only: the CWMP and NBI ports answer them 404.</summary>
    public static WebApplication MapCwmpFilesRole(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ServerRoleSet>().Roles.HasFlag(ServerRoles.Gateway))
        {
            int filesPort = app.Services.GetRequiredService<IOptions<PortOptions>>().Value.Files;
            app.MapCwmpFiles().WithMetadata(new LocalPortRequirement(filesPort));
        }

        return app;
    }
}
