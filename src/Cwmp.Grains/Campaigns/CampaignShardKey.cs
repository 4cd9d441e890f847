using System.Globalization;

namespace Cwmp.Grains.Campaigns;

/// <summary>The key of a shard worker, "campaignId/shard", and the requester tag its device tasks carry.</summary>
internal static class CampaignShardKey
{
    public static string Format(string campaignId, int shard) => string.Create(CultureInfo.InvariantCulture, $"{campaignId}/{shard}");

    public static (string CampaignId, int Shard) Parse(string key)
    {
        int slash = key.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int shard))
        {
            throw new ArgumentException($"'{key}' is not a campaign shard key (campaignId/shard).", nameof(key));
        }

        return (key[..slash], shard);
    }

    public static string Requester(string shardKey) => "campaign:" + shardKey;
}
