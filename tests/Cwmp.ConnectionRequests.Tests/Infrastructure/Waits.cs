namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>
/// Bounded waits on events the test itself caused; the bound only turns a hang into a failure that says what never
/// happened.
/// </summary>
internal static class Waits
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static async Task Within(this Task task, string waitingFor)
    {
        try
        {
            await task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Bound.TotalSeconds} s for {waitingFor}.");
        }
    }

    public static async Task<T> Within<T>(this Task<T> task, string waitingFor)
    {
        try
        {
            return await task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Bound.TotalSeconds} s for {waitingFor}.");
        }
    }
}
