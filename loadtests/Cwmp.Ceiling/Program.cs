using System.Globalization;
using Cwmp.Ceiling;

// Usage: Cwmp.Ceiling [--port N]   (127.0.0.1 only; port 0 picks a free one and prints it)
int port = 7547;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535)
    {
        port = p;
        i++;
    }
    else
    {
        await Console.Error.WriteLineAsync("usage: Cwmp.Ceiling [--port N]   (listens on 127.0.0.1 only)").ConfigureAwait(false);
        return 2;
    }
}

await using WebApplication app = CeilingServer.Build(port);
await app.StartAsync().ConfigureAwait(false);
await Console.Out.WriteLineAsync($"ceiling listening on {CeilingServer.Address(app)}").ConfigureAwait(false);
await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
