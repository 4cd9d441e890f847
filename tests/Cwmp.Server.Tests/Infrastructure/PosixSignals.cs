using System.Diagnostics;
using System.Globalization;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>Process.Kill only sends SIGKILL; a graceful stop needs SIGTERM, sent here with the system's kill(1).</summary>
internal static class PosixSignals
{
    public static async Task<int> TerminateAsync(int processId)
    {
        using var kill = Process.Start("kill", ["-TERM", processId.ToString(CultureInfo.InvariantCulture)]);
        await Within.Await(kill.WaitForExitAsync(), Within.Call, "kill -TERM to return");
        return kill.ExitCode;
    }
}
