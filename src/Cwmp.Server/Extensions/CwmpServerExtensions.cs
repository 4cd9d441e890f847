using Cwmp.Server.Configuration;
using Cwmp.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cwmp.Server.Extensions;

internal static class CwmpServerExtensions
{
    /// <summary>Everything the ACS host needs, in the order its hosted services must start.</summary>
    public static WebApplicationBuilder AddCwmpServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var roles = configuration.GetValue("Cwmp:Roles", ServerRoles.Silo | ServerRoles.Gateway);
        if (roles == ServerRoles.None)
        {
            throw new InvalidOperationException("Cwmp:Roles names no role; use Silo, Gateway or both.");
        }

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var ports = configuration.GetSection(PortOptions.SectionName).Get<PortOptions>() ?? new PortOptions();
        var cluster = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.Services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        builder.Services.Configure<PortOptions>(configuration.GetSection(PortOptions.SectionName));
        builder.Services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        builder.Services.AddSingleton(new ServerRoleSet(roles));
        builder.Services.TryAddSingleton(TimeProvider.System);

        // First hosted service: it reports the configuration before anything slow starts.
        builder.Services.AddHostedService<StartupReport>();
        builder.AddCwmpPorts(ports, configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>() ?? new TlsOptions());
        var connection = builder.AddCwmpStorage(storage, roles);
        builder.AddCwmpOrleans(roles, cluster, storage, connection);
        builder.AddCwmpDeviceIndex(connection);
        builder.AddCwmpGatewayRole(roles);
        builder.AddCwmpFilesRole(roles);
        builder.AddCwmpNbiRole(roles, connection);
        return builder;
    }
}
