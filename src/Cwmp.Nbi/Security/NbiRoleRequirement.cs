using Microsoft.AspNetCore.Authorization;

namespace Cwmp.Nbi.Security;

/// <summary>The caller's role must be at least <see cref="Role"/>; also endpoint metadata, for the 403's text and the OpenAPI document.</summary>
internal sealed record NbiRoleRequirement(NbiRole Role) : IAuthorizationRequirement;

/// <summary>Checks <see cref="NbiRoleRequirement"/> against the role claim the API key handler set.</summary>
internal sealed class NbiRoleHandler : AuthorizationHandler<NbiRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NbiRoleRequirement requirement)
    {
        if (Enum.TryParse(context.User.FindFirst(NbiAuthentication.RoleClaim)?.Value, out NbiRole role) && role >= requirement.Role)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
