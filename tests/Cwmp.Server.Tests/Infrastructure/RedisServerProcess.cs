using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>A throw-away redis-server on a free loopback port, without persistence.</summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    private const string ReadyMarker = "Ready to accept connections";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RedisServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var port = ServerPorts.One();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var redis = new RedisServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, port);
        redis._process.OutputDataReceived += (_, e) => redis.OnLine(e.Data);
        redis._process.ErrorDataReceived += (_, e) => redis.OnLine(e.Data);
        redis._process.Exited += (_, _) => redis._ready.TrySetException(new InvalidOperationException(
            $"redis-server exited with code {redis._process.ExitCode} before it was ready. Output:\n{string.Join('\n', redis._output)}"));
        try
        {
            redis._process.Start();
        }
        catch (Win32Exception ex)
        {
            redis._process.Dispose();
            throw new InvalidOperationException(
                "redis-server is not on PATH; the Redis-mode tests need it (Debian: apt-get install -y redis-server).", ex);
        }

        redis._process.BeginOutputReadLine();
        redis._process.BeginErrorReadLine();
        await Within.Await(redis._ready.Task, Within.ServerStart, $"redis-server on port {port} to log '{ReadyMarker}'");
        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await Within.Await(_process.WaitForExitAsync(), Within.ServerStop, "redis-server to exit");
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
        if (line.Contains(ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
