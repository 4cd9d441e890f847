using Cwmp.Server.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cwmp.Server.Extensions;

/// <summary>The northbound REST API (Cwmp.Nbi) on the NBI port, in every process with the Gateway role.</summary>
internal static class NbiExtensions
{
    /// <summary>
    /// The NBI's services. It calls grains as the gateway does (a co-hosted silo or the Orleans client) and writes its
    /// audit log to the cluster's store: the silo role registers the Redis connection already, a gateway-only process
    /// gets its own here.
    /// </summary>
    public static WebApplicationBuilder AddCwmpNbiRole(this WebApplicationBuilder builder, ServerRoles roles, StorageConnection connection)
    {
        if (!roles.HasFlag(ServerRoles.Gateway))
        {
            return builder;
        }

        builder.Services.AddCwmpNbi(builder.Configuration);
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connection.ConnectionString);
            options.AbortOnConnectFail = false;
            options.ClientName = "cwmp-nbi";
            return ConnectionMultiplexer.Connect(options);
        });
        return builder;
    }

    /// <summary>
    /// /api/v1 on the NBI port only (the gateway's port check refuses it on the CWMP port). Authentication runs here,
    /// after that check, so that a CPE port never even answers 401 for the API.
    /// </summary>
    public static WebApplication MapCwmpNbiRole(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<ServerRoleSet>().Roles.HasFlag(ServerRoles.Gateway))
        {
            return app;
        }

        app.UseCwmpNbi();
        var nbiPort = app.Services.GetRequiredService<IOptions<PortOptions>>().Value.Nbi;
        app.MapCwmpNbiApiV1().WithMetadata(new LocalPortRequirement(nbiPort));
        return app;
    }
}
