using Cwmp.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers and maps the file server (files for CPEs, the TR-069 Upload target).</summary>
public static class FilesServiceCollectionExtensions
{
    /// <summary>
    /// The disk file and upload stores, the URL signer, metrics and the request handler, configured from
    /// <c>Cwmp:Files</c>. Stores already registered (an object store) are kept.
    /// </summary>
    public static IServiceCollection AddCwmpFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CwmpFilesOptions>(configuration.GetSection(CwmpFilesOptions.SectionName));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFileStore, DiskFileStore>();
        services.TryAddSingleton<IUploadStore, DiskUploadStore>();
        services.TryAddSingleton<FileUrlSigner>();
        services.TryAddSingleton<FilesMetrics>();
        services.TryAddSingleton<FileRequestHandler>();
        return services;
    }

    /// <summary>
    /// GET/HEAD <c>/files/{id}</c> and PUT/POST <c>/uploads/{deviceKey}/{name}</c>. The returned group takes the
    /// host's conventions (the port restriction).
    /// </summary>
    public static RouteGroupBuilder MapCwmpFiles(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup(string.Empty);
        group.MapMethods("/files/{id}", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext context, string id, FileRequestHandler handler) => handler.ServeAsync(context, id));
        group.MapMethods("/uploads/{deviceKey}/{name}", [HttpMethods.Put, HttpMethods.Post],
            (HttpContext context, string deviceKey, string name, FileRequestHandler handler) => handler.ReceiveAsync(context, deviceKey, name));
        return group;
    }
}
