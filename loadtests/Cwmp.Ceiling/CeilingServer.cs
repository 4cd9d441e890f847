using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cwmp.Ceiling;

/// <summary>
/// The bare-Kestrel ceiling of the whole-ACS benchmark: the same HTTP exchanges as the ACS's periodic session, answered
/// with canned bytes, on 127.0.0.1 only. Kestrel's defaults are kept (as the ACS keeps them), so that the difference
/// to the ACS is everything the ACS does beyond HTTP.
/// </summary>
internal static class CeilingServer
{
    public static WebApplication Build(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<CannedReplies>();
        builder.Services.AddSingleton<CeilingMetrics>();
        builder.Services.AddSingleton<CeilingHandler>();
        WebApplication app = builder.Build();
        CeilingHandler handler = app.Services.GetRequiredService<CeilingHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }

    /// <summary>The address Kestrel listens on ("http://127.0.0.1:PORT/"), once started.</summary>
    public static Uri Address(WebApplication app)
    {
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
