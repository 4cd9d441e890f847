using System.Globalization;

namespace Cwmp.CampaignBench;

/// <summary>--redis HOST:PORT (loopback), --devices N, --shards N, --dispatch N, --timeout SECONDS.</summary>
internal sealed record BenchOptions(string Redis, int Devices, int Shards, int Dispatch, int TimeoutSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

        string redis = Value("--redis") ?? throw new ArgumentException("--redis HOST:PORT is required (a redis-server on loopback).");
        string host = redis.Split(':')[0];
        if (host is not ("127.0.0.1" or "localhost" or "::1") && !host.StartsWith("127.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"--redis {redis}: the bench only talks to a loopback redis-server.");
        }

        var options = new BenchOptions(redis, Number("--devices", 1_000_000), Number("--shards", 16), Number("--dispatch", 100_000), Number("--timeout", 900));
        if (options.Dispatch > options.Devices || options.Dispatch < 1 || options.Shards < 1)
        {
            throw new ArgumentException("--dispatch must be 1 to --devices, and --shards at least 1.");
        }

        return options;
    }
}
