namespace Cwmp.Grains.Campaigns;

/// <summary>How a campaign spreads over its devices.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.RolloutPolicy")]
public sealed record RolloutPolicy
{
    /// <summary>Devices of the first wave (0: no canary wave).</summary>
    [Id(0)] public int CanaryCount { get; init; }

    /// <summary>The following waves, as cumulative percentages of the target (ascending; 100 is added when missing).</summary>
    [Id(1)] public IReadOnlyList<int> WavePercentages { get; init; } = [100];

    /// <summary>At most this many devices with a task not yet finished, over the whole campaign.</summary>
    [Id(2)] public int MaxInFlight { get; init; } = 1000;

    /// <summary>At most this many new devices per minute, over the whole campaign.</summary>
    [Id(3)] public int MaxStartsPerMinute { get; init; } = 600;

    /// <summary>A wave pauses when failed / (succeeded + failed) in it exceeds this (0–1; 1 never pauses).</summary>
    [Id(4)] public double FailureRateThreshold { get; init; } = 0.2;

    /// <summary>The failure rate is judged only once this many devices of the wave have succeeded or failed.</summary>
    [Id(5)] public int MinOutcomesForFailureRate { get; init; } = 10;

    /// <summary>Wake each device with a connection request instead of waiting for its next Inform.</summary>
    [Id(6)] public bool ConnectionRequest { get; init; }

    /// <summary>How long a device has, from its start, to succeed; after it the device counts as not reached or failed.</summary>
    [Id(7)] public TimeSpan DeviceDeadline { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Daily windows (local time of <see cref="TimeZone"/>) in which new devices may start; empty: any time.</summary>
    [Id(8)] public IReadOnlyList<DailyWindow> StartWindows { get; init; } = [];

    /// <summary>The IANA (or Windows) time zone of <see cref="StartWindows"/>.</summary>
    [Id(9)] public string TimeZone { get; init; } = "UTC";

    /// <summary>Whether a new device may start at <paramref name="now"/>.</summary>
    public bool AllowsStartAt(DateTimeOffset now)
    {
        if (StartWindows.Count == 0)
        {
            return true;
        }

        TimeSpan local = TimeZoneInfo.ConvertTime(now, FindTimeZone()).TimeOfDay;
        return StartWindows.Any(w => w.Contains(local));
    }

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (CanaryCount < 0 || MaxInFlight < 1 || MaxStartsPerMinute < 1 || MinOutcomesForFailureRate < 1)
        {
            throw new ArgumentException("Rollout: CanaryCount ≥ 0, MaxInFlight ≥ 1, MaxStartsPerMinute ≥ 1, MinOutcomesForFailureRate ≥ 1.");
        }

        if (FailureRateThreshold is < 0 or > 1 || DeviceDeadline <= TimeSpan.Zero)
        {
            throw new ArgumentException("Rollout: FailureRateThreshold is 0–1 and DeviceDeadline positive.");
        }

        if (StartWindows.Any(w => w.Start < TimeSpan.Zero || w.Start >= TimeSpan.FromDays(1) || w.End < TimeSpan.Zero || w.End > TimeSpan.FromDays(1) || w.Start == w.End))
        {
            throw new ArgumentException("Rollout: each StartWindow has Start and End within one day (00:00–24:00) and Start ≠ End.");
        }

        _ = FindTimeZone();
        int previous = 0;
        foreach (int percentage in WavePercentages)
        {
            if (percentage <= previous || percentage > 100)
            {
                throw new ArgumentException("Rollout: WavePercentages ascend strictly within 1–100.");
            }

            previous = percentage;
        }
    }

    private TimeZoneInfo FindTimeZone()
    {
        if (string.Equals(TimeZone, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Rollout: TimeZone '{TimeZone}' is not a time zone this host knows.", e);
        }
    }
}

/// <summary>A daily window of local time; End before Start wraps past midnight (22:00–04:00).</summary>
[GenerateSerializer, Immutable, Alias("cwmp.DailyWindow")]
public sealed record DailyWindow([property: Id(0)] TimeSpan Start, [property: Id(1)] TimeSpan End)
{
    public bool Contains(TimeSpan timeOfDay) => Start < End
        ? timeOfDay >= Start && timeOfDay < End
        : timeOfDay >= Start || timeOfDay < End;
}
