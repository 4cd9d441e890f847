using Cwmp.Grains.Presets;

namespace Cwmp.Grains.Provisioning;

[GenerateSerializer, Alias("cwmp.PresetRegistryState")]
internal sealed class PresetRegistryState
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public List<Preset> Presets { get; set; } = [];
}
