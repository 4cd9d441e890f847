namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>
/// Waits for a condition of a system in other processes, which raise no event this process could wait on: checks it,
/// and between checks yields for a short interval, until a deadline whose failure message says what was awaited.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        await UntilAsync(async () => await condition() ? true : (bool?)null, timeout, what);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}.");
            }

            await Task.Delay(Interval);
        }
    }
}
