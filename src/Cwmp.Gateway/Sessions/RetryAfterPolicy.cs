using Microsoft.Extensions.Options;

namespace Cwmp.Gateway.Sessions;

/// <summary>The Retry-After of a 503: the configured base plus a random jitter, in whole seconds.</summary>
internal sealed class RetryAfterPolicy(IOptionsMonitor<CwmpGatewayOptions> options)
{
    public int NextSeconds() => NextSeconds(options.CurrentValue.RetryAfter, options.CurrentValue.RetryAfterJitter, Random.Shared);

    internal static int NextSeconds(TimeSpan baseDelay, TimeSpan jitter, Random random)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(baseDelay.TotalSeconds));
        int extra = Math.Max(0, (int)Math.Ceiling(jitter.TotalSeconds));
#pragma warning disable CA5394 // Spreading retries needs no cryptographic randomness.
        return seconds + (extra == 0 ? 0 : random.Next(0, extra + 1));
#pragma warning restore CA5394
    }

    /// <summary>A grain's own Retry-After, rounded up to whole seconds; the jittered default when it gave none.</summary>
    public int FromGrain(TimeSpan? retryAfter) =>
        retryAfter is { } delay && delay > TimeSpan.Zero ? (int)Math.Ceiling(delay.TotalSeconds) : NextSeconds();
}
