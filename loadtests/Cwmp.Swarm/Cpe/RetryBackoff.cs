namespace Cwmp.Swarm.Cpe;

/// <summary>
/// The session retry wait of TR-069 §3.2.1.1 (checklist §1): after the n-th failed attempt in a row the CPE waits a
/// random time in [m·(k/1000)^(n−1), m·(k/1000)^n] seconds, n = min(RetryCount, 10), with m =
/// CWMPRetryMinimumWaitInterval (default 5) and k = CWMPRetryIntervalMultiplier (default 2000).
/// </summary>
internal static class RetryBackoff
{
    public const uint DefaultMinimumWaitSeconds = 5;
    public const uint DefaultMultiplier = 2000;

    public static (TimeSpan Low, TimeSpan High) Bounds(uint retryCount, uint minimumWaitSeconds = DefaultMinimumWaitSeconds, uint multiplier = DefaultMultiplier)
    {
        int n = (int)Math.Clamp(retryCount, 1u, 10u);
        double factor = multiplier / 1000.0;
        double low = minimumWaitSeconds * Math.Pow(factor, n - 1);
        double high = minimumWaitSeconds * Math.Pow(factor, n);
        return (TimeSpan.FromSeconds(low), TimeSpan.FromSeconds(high));
    }

    /// <summary>The wait for a uniform draw <paramref name="unit"/> in [0, 1).</summary>
    public static TimeSpan Wait(uint retryCount, double unit, uint minimumWaitSeconds = DefaultMinimumWaitSeconds, uint multiplier = DefaultMultiplier)
    {
        (TimeSpan low, TimeSpan high) = Bounds(retryCount, minimumWaitSeconds, multiplier);
        return low + ((high - low) * Math.Clamp(unit, 0, 1));
    }
}
