using System.Net;
using Cwmp.Server.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Cwmp.Server.Extensions;

internal static class GatewayExtensions
{
    /// <summary>The CWMP endpoint's services, configured from the server's own configuration (Cwmp:Gateway, Cwmp:Auth).</summary>
    public static WebApplicationBuilder AddCwmpGatewayRole(this WebApplicationBuilder builder, ServerRoles roles)
    {
        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>()
            ?? new ForwardedHeadersSettings();
        builder.Services.AddSingleton(forwarded);
        if (forwarded.Enabled)
        {
            builder.Services.Configure<ForwardedHeadersOptions>(options => Apply(options, forwarded));
        }

        if (roles.HasFlag(ServerRoles.Gateway))
        {
            builder.Services.AddCwmpGateway(builder.Configuration);
        }

        return builder;
    }

    /// <summary>
    /// Forwarded headers first, so that everything after sees the CPE's address; then the CWMP endpoint at "/" on the
    /// CWMP port only. The NBI and file ports must not accept CPE sessions.
    /// </summary>
    public static WebApplication MapCwmpGatewayRole(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Services.GetRequiredService<ServerRoleSet>().Roles.HasFlag(ServerRoles.Gateway))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<LocalPortRequirement>() is { } requirement
                && context.Connection.LocalPort != requirement.Port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        var cwmpPort = app.Services.GetRequiredService<IOptions<PortOptions>>().Value.Cwmp;
        app.MapCwmp("/").WithMetadata(new LocalPortRequirement(cwmpPort));
        return app;
    }

    private static void Apply(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = settings.ForwardLimit;
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
