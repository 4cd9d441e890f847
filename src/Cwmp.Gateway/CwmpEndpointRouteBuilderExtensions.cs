using Cwmp.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the CWMP endpoint.</summary>
public static class CwmpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves CWMP (TR-069) POSTs at <paramref name="pattern"/> — the ACS URL CPEs are given. Needs
    /// <c>services.AddCwmpGateway(configuration)</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapCwmp(this IEndpointRouteBuilder endpoints, string pattern = "/")
    {
        CwmpRequestHandler handler = endpoints.ServiceProvider.GetService<CwmpRequestHandler>()
            ?? throw new InvalidOperationException("MapCwmp needs services.AddCwmpGateway(configuration) first.");
        return endpoints.MapPost(pattern, handler.HandleAsync).WithDisplayName("CWMP");
    }
}
