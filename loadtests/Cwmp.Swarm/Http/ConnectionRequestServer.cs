using System.Net;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Swarm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cwmp.Swarm.Http;

/// <summary>
/// One Kestrel listener on 127.0.0.1 for the connection requests of the whole swarm (TR-069 §3.2.2, checklist §4):
/// GET /cr/{deviceKey}, Digest-authenticated with the device's ConnectionRequestUsername/Password, answered 200 with
/// an empty body before the device starts its "6 CONNECTION REQUEST" session. A device that is rebooting, or that
/// is not among the share reachable for connection requests, drops the connection like an unreachable CPE.
/// </summary>
internal sealed class ConnectionRequestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectionRequestServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public static async Task<ConnectionRequestServer> StartAsync(SwarmContext context, CpeRuntime runtime, int port, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        var verifier = new DigestVerifier(context.TimeProvider);
        app.MapGet("/cr/{key}", (HttpContext http, string key) => Handle(http, key, context, runtime, verifier));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var server = new ConnectionRequestServer(app);
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    private static IResult Handle(HttpContext http, string key, SwarmContext context, CpeRuntime runtime, DigestVerifier verifier)
    {
        if (!context.TryFindDevice(key, out SimulatedCpe? cpe) || !cpe.AcceptsConnectionRequests || cpe.IsRebooting)
        {
            context.Statistics.RejectedConnectionRequest();
            http.Abort();
            return Results.Empty;
        }

        ConnectionRequestCredentials credentials = cpe.ConnectionRequestCredentials;
        DigestResult result = verifier.Verify(http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, "GET", credentials.Username, credentials.Password);
        if (result != DigestResult.Valid)
        {
            if (result == DigestResult.Invalid)
            {
                context.Statistics.RejectedConnectionRequest();
            }

            http.Response.Headers.WWWAuthenticate = verifier.Challenge(stale: result == DigestResult.Stale);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        context.Statistics.HttpConnectionRequest();
        runtime.Raise(cpe, CpeSignal.ConnectionRequest);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
