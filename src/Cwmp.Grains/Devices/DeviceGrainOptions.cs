using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>Settings of the device grains.</summary>
public sealed class DeviceGrainOptions
{
    /// <summary>Session timeout when the CPE sends no SessionTimeout header (checklist §1: 30 s).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a task is sent before a retryable fault (or no answer) becomes final.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Finished tasks kept per device for the record; the oldest go first.</summary>
    public int MaxFinishedTasks { get; set; } = 100;

    /// <summary>The CWMP versions the ACS speaks; every version by default.</summary>
    public IReadOnlyCollection<CwmpVersion> SupportedVersions { get; set; } = CwmpVersion.All;

    /// <summary>The Retry-After a CPE gets when its Inform cannot be served now (storage unavailable).</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long after its deadline an unfinished campaign job still keeps the device out of other campaigns: its
    /// worker normally ends it at the deadline; past this the campaign is taken to be gone.
    /// </summary>
    public TimeSpan AbandonedCampaignJobGrace { get; set; } = TimeSpan.FromDays(1);
}
