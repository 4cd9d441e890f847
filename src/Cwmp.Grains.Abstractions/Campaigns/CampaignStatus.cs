namespace Cwmp.Grains.Campaigns;

/// <summary>Where a campaign is.</summary>
[GenerateSerializer, Alias("cwmp.CampaignStatus")]
public enum CampaignStatus
{
    /// <summary>Created, not started.</summary>
    Created = 0,

    /// <summary>Starting devices, wave by wave.</summary>
    Running = 1,

    /// <summary>No new starts (an operator, or a wave's failure rate: see the reason); in-flight devices finish.</summary>
    Paused = 2,

    /// <summary>Stopped for good; in-flight devices finish and are counted.</summary>
    Cancelled = 3,

    /// <summary>Every wave done.</summary>
    Completed = 4,
}

/// <summary>What became of one device.</summary>
[GenerateSerializer, Alias("cwmp.CampaignOutcome")]
public enum CampaignOutcome
{
    Succeeded = 0,

    /// <summary>A fault, a failed transfer, the wrong version after it, or no end within the deadline once sent.</summary>
    Failed = 1,

    /// <summary>The device did not connect within the deadline: its task was withdrawn before it was sent.</summary>
    NotReached = 2,

    /// <summary>Not started: the device is in another firmware campaign.</summary>
    Skipped = 3,
}
