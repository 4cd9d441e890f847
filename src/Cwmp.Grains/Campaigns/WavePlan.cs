namespace Cwmp.Grains.Campaigns;

/// <summary>The arithmetic of waves: their cumulative sizes, and each shard's share of one.</summary>
internal static class WavePlan
{
    /// <summary>Cumulative device counts: the canary (when any), then each percentage of the target; the last is the target.</summary>
    public static List<long> Cumulative(RolloutPolicy rollout, long targeted)
    {
        var waves = new List<long>();
        if (targeted == 0)
        {
            return waves;
        }

        if (rollout.CanaryCount > 0)
        {
            waves.Add(Math.Min(rollout.CanaryCount, targeted));
        }

        foreach (int percentage in rollout.WavePercentages.Append(100))
        {
            long size = (long)Math.Ceiling(targeted * percentage / 100.0);
            if (waves.Count == 0 || size > waves[^1])
            {
                waves.Add(size);
            }
        }

        return waves;
    }

    /// <summary>Splits <paramref name="devices"/> over the shards in proportion to their targets (largest remainder).</summary>
    public static long[] Split(long devices, IReadOnlyList<long> shardTargets)
    {
        long total = shardTargets.Sum();
        var quotas = new long[shardTargets.Count];
        if (total == 0)
        {
            return quotas;
        }

        var remainders = new (double Fraction, int Shard)[shardTargets.Count];
        long assigned = 0;
        for (int s = 0; s < quotas.Length; s++)
        {
            double exact = (double)devices * shardTargets[s] / total;
            quotas[s] = (long)Math.Floor(exact);
            assigned += quotas[s];
            remainders[s] = (exact - quotas[s], s);
        }

        foreach ((double _, int shard) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Shard))
        {
            if (assigned >= devices)
            {
                break;
            }

            if (quotas[shard] < shardTargets[shard])
            {
                quotas[shard]++;
                assigned++;
            }
        }

        return quotas;
    }
}
