using Orleans.Runtime;

namespace Cwmp.Grains.Campaigns;

/// <summary>The campaign ids in creation order, stored with the campaigns (<see cref="CwmpStorageNames.Campaigns"/>).</summary>
internal sealed class CampaignCatalogGrain(
    [PersistentState("catalog", CwmpStorageNames.Campaigns)] IPersistentState<CampaignCatalogState> state) : Grain, ICampaignCatalogGrain
{
    public async Task<bool> AddAsync(CampaignCatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state.State.Entries.Any(e => string.Equals(e.Id, entry.Id, StringComparison.Ordinal)))
        {
            return false;
        }

        if (state.State.Entries.Count >= ICampaignCatalogGrain.MaxEntries)
        {
            throw new InvalidOperationException($"The campaign catalog is full ({ICampaignCatalogGrain.MaxEntries} campaigns).");
        }

        state.State.Entries.Add(entry);
        await state.WriteStateAsync();
        return true;
    }

    public Task<CampaignCatalogPage> ListAsync(string? afterId, int limit)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "1–1000 entries per page.");
        }

        List<CampaignCatalogEntry> entries = state.State.Entries;
        int start = entries.Count - 1;
        if (afterId is not null)
        {
            int after = entries.FindIndex(e => string.Equals(e.Id, afterId, StringComparison.Ordinal));
            if (after < 0)
            {
                throw new ArgumentException($"'{afterId}' is not a campaign of the catalog.", nameof(afterId));
            }

            start = after - 1;
        }

        List<CampaignCatalogEntry> page = [];
        for (int i = start; i >= 0 && page.Count < limit; i--)
        {
            page.Add(entries[i]);
        }

        bool more = start - page.Count >= 0;
        return Task.FromResult(new CampaignCatalogPage(page, more ? page[^1].Id : null));
    }
}
