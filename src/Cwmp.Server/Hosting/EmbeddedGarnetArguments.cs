using System.Globalization;

namespace Cwmp.Server.Hosting;

/// <summary>The Garnet command line for the embedded server; each switch is explained in docs/decisions/0002.</summary>
internal static class EmbeddedGarnetArguments
{
    public static string[] For(EmbeddedGarnetSettings settings)
    {
        List<string> args =
        [
            // Loopback only: the store has no password and must not be reachable from the network.
            "--bind", "127.0.0.1",
            "--port", settings.Port.ToString(CultureInfo.InvariantCulture),
            "--checkpointdir", settings.CheckpointDirectory,
            "--aof",
            "--recover",
            // The Orleans Redis providers write through EVAL; without Lua the silo cannot even join.
            "--lua",
            // The default native device needs libaio, which a fresh Debian lacks: it crashes on the first AOF flush.
            "--device-type", "RandomAccess",
            // The banner is noise in structured logs.
            "-q",
        ];
        if (settings.AofCommitWait)
        {
            args.Add("--aof-commit-wait");
        }

        if (!string.IsNullOrWhiteSpace(settings.IndexSize))
        {
            args.Add("--index");
            args.Add(settings.IndexSize);
        }

        return [.. args];
    }
}
