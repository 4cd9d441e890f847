using Microsoft.AspNetCore.Builder;

namespace Cwmp.Nbi.Security;

internal static class NbiRoleEndpointExtensions
{
    /// <summary>The endpoint needs an API key of at least <paramref name="role"/>.</summary>
    public static RouteHandlerBuilder RequireNbiRole(this RouteHandlerBuilder builder, NbiRole role) =>
        builder.RequireAuthorization(NbiAuthentication.PolicyFor(role)).WithMetadata(new NbiRoleRequirement(role));
}
