namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>Awaits with a deadline whose failure message says what was being awaited.</summary>
internal static class Within
{
    public static readonly TimeSpan ServerStart = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan ServerStop = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(30);

    public static async Task<T> Await<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}.", ex);
        }
    }

    public static async Task Await(Task task, TimeSpan timeout, string what)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}.", ex);
        }
    }
}
