namespace Cwmp.Grains;

/// <summary>Settings of the campaign shard workers (configuration section "Cwmp:Campaigns").</summary>
public sealed class CampaignOptions
{
    /// <summary>How often each shard worker starts devices, ends overdue ones and reports.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a worker asks its in-flight devices itself (besides their own reports, which can be lost).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A worker reports at least this often, even with nothing new (so a campaign grain that lost its memory catches up).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Devices read from the index per page (1–1000).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Pages started per tick at most: bounds the length of one worker turn.</summary>
    public int MaxPagesPerTick { get; set; } = 4;

    /// <summary>
    /// The starts a worker may save up, as time at its rate (at least one start): a rate below one start per tick still
    /// starts devices, and a burst never exceeds this much of the rate.
    /// </summary>
    public TimeSpan StartBurst { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed and not-reached devices kept per shard with their codes (the counts stay exact beyond it).</summary>
    public int MaxFailuresKept { get; set; } = 1000;
}
