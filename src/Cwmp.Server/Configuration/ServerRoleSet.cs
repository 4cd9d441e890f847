namespace Cwmp.Server.Configuration;

/// <summary>The roles this process was started with, as a service for components that depend on them.</summary>
internal sealed record ServerRoleSet(ServerRoles Roles);
