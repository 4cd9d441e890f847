using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SwarmOptions options;
        try
        {
            options = SwarmOptionsParser.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(SwarmOptionsParser.Usage).ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        await using var swarm = new SwarmHost(options);
        SwarmReport report = await swarm.RunAsync(options.Progress ? Console.Out : null, cancel.Token).ConfigureAwait(false);
        await Console.Out.WriteAsync(report.Summary()).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(options.OutputPath))
        {
            await using FileStream file = File.Create(options.OutputPath);
            report.WriteJson(file);
            await Console.Out.WriteLineAsync($"report written to {options.OutputPath}").ConfigureAwait(false);
        }

        return 0;
    }
}
