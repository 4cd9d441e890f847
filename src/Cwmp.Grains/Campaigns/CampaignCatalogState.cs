namespace Cwmp.Grains.Campaigns;

/// <summary>The stored state of the catalog: entries oldest first.</summary>
[GenerateSerializer, Alias("cwmp.CampaignCatalogState")]
internal sealed class CampaignCatalogState
{
    [Id(0)] public List<CampaignCatalogEntry> Entries { get; set; } = [];
}
