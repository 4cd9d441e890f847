using Cwmp.DataModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cwmp.Grains.Provisioning;

/// <summary>
/// What a device grain's provisioning needs from its silo, in one service: the silo's preset copy, the options, the
/// metrics and the BBF catalog, loaded on its first use (a silo whose devices match no preset never loads it).
/// </summary>
internal sealed class ProvisioningServices(
    PresetSnapshotCache presets,
    IOptions<ProvisioningOptions> options,
    ProvisioningMetrics metrics,
    IServiceProvider services)
{
    private readonly Lazy<DataModelCatalog> _catalog = new(services.GetRequiredService<DataModelCatalog>);

    public PresetSnapshotCache Presets { get; } = presets;

    public ProvisioningOptions Options => options.Value;

    public ProvisioningMetrics Metrics { get; } = metrics;

    public DataModelCatalog Catalog => _catalog.Value;
}
