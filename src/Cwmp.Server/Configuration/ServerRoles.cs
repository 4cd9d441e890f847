namespace Cwmp.Server.Configuration;

/// <summary>Configuration key <c>Cwmp:Roles</c>, e.g. <c>"Silo, Gateway"</c>.</summary>
[Flags]
internal enum ServerRoles
{
    None = 0,

    /// <summary>Hosts grains (an Orleans silo).</summary>
    Silo = 1,

    /// <summary>Serves the HTTP endpoints; without <see cref="Silo"/> it is an Orleans client of the cluster.</summary>
    Gateway = 2,
}
