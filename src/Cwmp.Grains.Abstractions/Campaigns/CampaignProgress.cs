namespace Cwmp.Grains.Campaigns;

/// <summary>Counts of one shard worker, or of a whole campaign (the sum of its shards).</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignCounts")]
public sealed record CampaignCounts
{
    /// <summary>Devices started (a task queued, or skipped).</summary>
    [Id(0)] public long Started { get; init; }

    [Id(1)] public long InFlight { get; init; }

    [Id(2)] public long Succeeded { get; init; }

    [Id(3)] public long Failed { get; init; }

    [Id(4)] public long NotReached { get; init; }

    [Id(5)] public long Skipped { get; init; }

    /// <summary>Failed devices by fault code ("9010", …) or reason ("timeout", "version_mismatch", "task_lost").</summary>
    [Id(6)] public IReadOnlyDictionary<string, long> FailedBy { get; init; } = new Dictionary<string, long>();

    /// <summary>The shard has no more target devices to start.</summary>
    [Id(7)] public bool Exhausted { get; init; }

    public long Finished => Succeeded + Failed + NotReached + Skipped;

    public static CampaignCounts Zero { get; } = new();

    public static CampaignCounts Sum(IEnumerable<CampaignCounts> all)
    {
        var failedBy = new Dictionary<string, long>(StringComparer.Ordinal);
        long started = 0, inFlight = 0, succeeded = 0, failed = 0, notReached = 0, skipped = 0;
        bool exhausted = true;
        foreach (CampaignCounts c in all)
        {
            (started, inFlight, succeeded, failed, notReached, skipped) = (started + c.Started, inFlight + c.InFlight, succeeded + c.Succeeded, failed + c.Failed, notReached + c.NotReached, skipped + c.Skipped);
            exhausted &= c.Exhausted;
            foreach ((string code, long n) in c.FailedBy)
            {
                failedBy[code] = failedBy.GetValueOrDefault(code) + n;
            }
        }

        return new CampaignCounts { Started = started, InFlight = inFlight, Succeeded = succeeded, Failed = failed, NotReached = notReached, Skipped = skipped, FailedBy = failedBy, Exhausted = exhausted };
    }
}

/// <summary>A campaign as an operator sees it.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignProgress")]
public sealed record CampaignProgress
{
    [Id(0)] public required CampaignStatus Status { get; init; }

    /// <summary>Why it is paused (an operator, or the failure rate of a wave).</summary>
    [Id(1)] public string? PauseReason { get; init; }

    /// <summary>Devices the target matched when the campaign started.</summary>
    [Id(2)] public long Targeted { get; init; }

    /// <summary>Devices not started yet.</summary>
    [Id(3)] public long Pending { get; init; }

    /// <summary>0-based; the canary wave is wave 0 when there is one.</summary>
    [Id(4)] public int Wave { get; init; }

    [Id(5)] public int WaveCount { get; init; }

    [Id(6)] public required CampaignCounts Counts { get; init; }
}

/// <summary>A device that failed, and how.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignFailure")]
public sealed record CampaignFailure(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset At);
