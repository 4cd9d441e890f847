using Orleans.Core.Internal;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Tests.Infrastructure;

namespace Cwmp.Grains.Tests.Campaigns;

/// <summary>The campaign catalog: ids added once, listed newest first in pages, kept across deactivation.</summary>
[Collection(ClusterTests.Name)]
public sealed class CampaignCatalogTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Entries_are_added_once_and_listed_newest_first_in_pages_after_reactivation()
    {
        // The catalog is one grain per cluster; this test's entries are told apart by their prefix.
        ICampaignCatalogGrain catalog = fixture.Grains.GetGrain<ICampaignCatalogGrain>(ICampaignCatalogGrain.Key);
        DateTimeOffset at = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        string prefix = "cat-" + Guid.NewGuid().ToString("N")[..8];
        for (int i = 1; i <= 3; i++)
        {
            Assert.True(await catalog.AddAsync(new CampaignCatalogEntry($"{prefix}-{i}", $"wave {i}", at.AddMinutes(i), "noc")));
        }

        Assert.False(await catalog.AddAsync(new CampaignCatalogEntry($"{prefix}-2", "again", at, "someone else")));
        await catalog.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        CampaignCatalogPage first = await catalog.ListAsync(null, 2);
        Assert.Equal([$"{prefix}-3", $"{prefix}-2"], first.Entries.Select(e => e.Id));
        Assert.Equal("wave 2", first.Entries[1].Name);
        Assert.Equal($"{prefix}-2", first.NextAfterId);
        CampaignCatalogPage second = await catalog.ListAsync(first.NextAfterId, 2);
        Assert.Equal($"{prefix}-1", second.Entries[0].Id);
        await Assert.ThrowsAsync<ArgumentException>(() => catalog.ListAsync("no-such-campaign", 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => catalog.ListAsync(null, 0));
    }
}
