using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>
/// The built Cwmp.Server run as `dotnet Cwmp.Server.dll`, so that it can be killed the way a crash kills it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string StartedMarker = "Cwmp server started in";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _output);

    public static async Task<ServerProcess> StartAsync(ServerPorts ports, params string[] arguments)
    {
        var dll = LocateServer();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in ports.Arguments().Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var server = new ServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Exited += (_, _) => server._started.TrySetException(
            new InvalidOperationException($"Cwmp.Server exited with code {server._process.ExitCode} before it logged '{StartedMarker}'. Output:\n{server.Output}"));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await Within.Await(server._started.Task, Within.ServerStart, $"the Cwmp.Server child process to log '{StartedMarker}'");
        }
        catch (TimeoutException ex)
        {
            await server.DisposeAsync();
            throw new TimeoutException(ex.Message + " Output:\n" + server.Output, ex);
        }

        return server;
    }

    /// <summary>SIGTERM, as Kubernetes and systemd stop a process: the host shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        Assert.Equal(0, await PosixSignals.TerminateAsync(_process.Id));
        await Within.Await(_process.WaitForExitAsync(), Within.ServerStop, "the Cwmp.Server child process to exit after SIGTERM");
        Assert.Equal(0, _process.ExitCode);
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await Within.Await(_process.WaitForExitAsync(), Within.ServerStop, "the killed Cwmp.Server child process to exit");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains(StartedMarker, StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static string LocateServer()
    {
        // tests/Cwmp.Server.Tests/bin/<Configuration>/<tfm>/ → src/Cwmp.Server/bin/<Configuration>/<tfm>/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var repository = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repository, "src", "Cwmp.Server", "bin", configuration, tfm, "Cwmp.Server.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The built server is missing at {dll}; build src/Cwmp.Server in {configuration} first.", dll);
        }

        return dll;
    }
}
