using Cwmp.DataModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cwmp.Nbi.Presets;

/// <summary>What the preset and subscriber endpoints need: the BBF catalog (shared with the silo's when the host has one) and their diagnostics.</summary>
internal static class ProvisioningNbiServiceCollectionExtensions
{
    /// <summary>The catalog's folder: the silo's setting, so that a process running both loads one catalog from one place.</summary>
    public const string DataModelFolderKey = "Cwmp:Provisioning:DataModelFolder";

    public static IServiceCollection AddNbiProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => DataModelCatalog.Load(configuration[DataModelFolderKey]));
        services.TryAddSingleton<PresetDiagnostics>();
        return services;
    }
}
