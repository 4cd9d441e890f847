namespace Cwmp.Grains.Campaigns;

/// <summary>
/// The list of every campaign id, for the NBI's GET /campaigns (campaign grains know only themselves, and the device
/// index holds devices). One grain, key <see cref="Key"/>; campaigns are created by people, so the list is short
/// (at most <see cref="MaxEntries"/>).
/// </summary>
[Alias("cwmp.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one catalog.</summary>
    public const long Key = 0;

    /// <summary>The most campaigns the catalog lists; adding one more is refused.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Adds an entry; true when it is new, false when the id is listed already (the entry is kept as it was).</summary>
    /// <exception cref="InvalidOperationException">The catalog is full.</exception>
    [Alias("Add")]
    Task<bool> AddAsync(CampaignCatalogEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries, newest first, after the entry <paramref name="afterId"/> (null: from the newest).</summary>
    [Alias("List")]
    Task<CampaignCatalogPage> ListAsync(string? afterId, int limit);
}

/// <summary>One campaign in the catalog.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignCatalogEntry")]
public sealed record CampaignCatalogEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy);

/// <summary>A page of the catalog; <see cref="NextAfterId"/> is null on the last one.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignCatalogPage")]
public sealed record CampaignCatalogPage(
    [property: Id(0)] IReadOnlyList<CampaignCatalogEntry> Entries,
    [property: Id(1)] string? NextAfterId);
