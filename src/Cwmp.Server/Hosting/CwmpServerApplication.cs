using Cwmp.Server.Extensions;

namespace Cwmp.Server.Hosting;

/// <summary>The host composition, shared by Program and by the tests that start the real server in-process.</summary>
internal static class CwmpServerApplication
{
    /// <param name="configureServices">Tests only: services added after the host's own (e.g. an in-memory device index).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // The content root is the application folder so appsettings*.json are found whatever the working
        // directory; relative data paths still follow the working directory, as operators expect of "./data".
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddServiceDefaults();
        builder.AddCwmpServer();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapCwmpGatewayRole();
        app.MapCwmpFilesRole();
        app.MapCwmpNbiRole();
        return app;
    }
}
