namespace Cwmp.Swarm.Swarm;

/// <summary>
/// A lock-free log-linear histogram of durations in microseconds: 32 linear sub-buckets per power of two (about
/// 3 % resolution) from 1 µs to about 1 hour. Recording is one Interlocked increment.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 32;
    private const int Powers = 32;
    private readonly long[] _counts = new long[Powers * SubBuckets];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(TimeSpan duration)
    {
        long micros = Math.Max(1, (long)duration.TotalMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>The duration at or below which <paramref name="quantile"/> of the recorded values lie (upper bucket bound).</summary>
    public TimeSpan Percentile(double quantile)
    {
        long total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(UpperBound(i));
            }
        }

        return TimeSpan.FromMicroseconds(UpperBound(_counts.Length - 1));
    }

    internal static int IndexOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)micros;
        }

        int power = 63 - (int)long.LeadingZeroCount(micros); // >= 5
        int shift = power - 5;
        int sub = (int)((micros >> shift) - SubBuckets);
        int bucket = ((power - 4) * SubBuckets) + sub;
        return Math.Min(bucket, (Powers * SubBuckets) - 1);
    }

    internal static long UpperBound(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        int power = (index / SubBuckets) + 4;
        int sub = index % SubBuckets;
        int shift = power - 5;
        return ((long)(SubBuckets + sub + 1) << shift) - 1;
    }
}
