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
}
