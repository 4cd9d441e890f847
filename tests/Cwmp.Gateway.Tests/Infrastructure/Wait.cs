namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>Waits on an event with a timeout whose message says what was awaited.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task ForAsync(Task signal, Func<string> awaited)
    {
        try
        {
            await signal.WaitAsync(Timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {awaited()}.", e);
        }
    }
}
