using System.Diagnostics;
using System.Globalization;
using Cwmp.Protocol;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// Runs a TR-143 / TR-181 diagnostic after the session that requested it and writes plausible results into the
/// device's values: IP ping, trace route (with RouteHops instances), UDP echo are computed (no packets leave the
/// machine); download and upload diagnostics really transfer when their URL is on loopback.
/// </summary>
internal static class DiagnosticsRunner
{
    public static async Task RunAsync(SimulatedCpe cpe, string objectPath, FileTransfers transfers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DeviceModel model = cpe.Model;
        string kind = objectPath.TrimEnd('.');
        kind = kind[(kind.LastIndexOf('.') + 1)..];
        string state = kind switch
        {
            "IPPing" or "IPPingDiagnostics" => Ping(cpe, model, objectPath),
            "TraceRoute" or "TraceRouteDiagnostics" => TraceRoute(cpe, model, objectPath),
            "UDPEchoDiagnostics" => UdpEcho(model, objectPath),
            "DownloadDiagnostics" => await DownloadAsync(model, objectPath, transfers, now, cancellationToken).ConfigureAwait(false),
            "UploadDiagnostics" => await UploadAsync(model, objectPath, transfers, now, cancellationToken).ConfigureAwait(false),
            _ => "Error_Internal",
        };
        model.SetValue(objectPath + "DiagnosticsState", state);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static uint Number(DeviceModel model, string name, uint fallback) =>
        uint.TryParse(model.GetValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out uint value) && value > 0 ? value : fallback;

    /// <summary>A stable round-trip time for a host: loopback under a millisecond, a LAN a few, the Internet tens.</summary>
    private static double RoundTripMilliseconds(string host, int device, int sample)
    {
        uint h = (uint)StringComparer.Ordinal.GetHashCode(host) ^ (uint)(device * 31) ^ (uint)(sample * 7919);
        double spread = (h % 1000) / 1000.0;
        return host.StartsWith("127.", StringComparison.Ordinal) || host is "localhost" or "::1" ? 0.05 + (spread * 0.2)
            : host.StartsWith("192.168.", StringComparison.Ordinal) || host.StartsWith("10.", StringComparison.Ordinal) ? 0.8 + (spread * 2)
            : 8 + (spread * 40);
    }

    private static string Ping(SimulatedCpe cpe, DeviceModel model, string path)
    {
        string host = model.GetValue(path + "Host") ?? string.Empty;
        if (host.Length == 0)
        {
            return "Error_CannotResolveHostName";
        }

        uint repetitions = Math.Min(Number(model, path + "NumberOfRepetitions", 4), 100);
        double[] samples = [.. Enumerable.Range(0, (int)repetitions).Select(i => RoundTripMilliseconds(host, cpe.Index, i))];
        model.TrySetExisting(path + "SuccessCount", Text(repetitions));
        model.TrySetExisting(path + "FailureCount", "0");
        model.TrySetExisting(path + "AverageResponseTime", Text((long)Math.Round(samples.Average())));
        model.TrySetExisting(path + "MinimumResponseTime", Text((long)Math.Round(samples.Min())));
        model.TrySetExisting(path + "MaximumResponseTime", Text((long)Math.Round(samples.Max())));
        model.TrySetExisting(path + "AverageResponseTimeDetailed", Text((long)(samples.Average() * 1000)));
        model.TrySetExisting(path + "MinimumResponseTimeDetailed", Text((long)(samples.Min() * 1000)));
        model.TrySetExisting(path + "MaximumResponseTimeDetailed", Text((long)(samples.Max() * 1000)));
        model.TrySetExisting(path + "IPAddressUsed", TokenExpander.WanAddress(cpe.Index, 1));
        return "Complete";
    }

    private static string TraceRoute(SimulatedCpe cpe, DeviceModel model, string path)
    {
        string host = model.GetValue(path + "Host") ?? string.Empty;
        if (host.Length == 0)
        {
            return "Error_CannotResolveHostName";
        }

        bool local = host.StartsWith("127.", StringComparison.Ordinal) || host is "localhost" or "::1";
        int hops = local ? 1 : 4 + (int)((uint)StringComparer.Ordinal.GetHashCode(host) % 6);
        hops = Math.Min(hops, (int)Number(model, path + "MaxHopCount", 30));
        string table = path + "RouteHops.";
        bool hasTable = model.IsTable(table, out _);
        if (hasTable)
        {
            foreach (uint old in model.Instances(table).ToList())
            {
                model.DeleteInstance(table + Text(old) + ".");
            }
        }

        double last = 0;
        for (int hop = 1; hop <= hops && hasTable; hop++)
        {
            string address = hop == hops ? (local ? "127.0.0.1" : host) : TokenExpander.WanAddress(cpe.Index & ~0xFF, hop);
            double rtt = RoundTripMilliseconds(address, cpe.Index, hop) * (local ? 1 : hop / (double)hops);
            last = rtt;
            string instance = table + Text(model.AddInstance(table)) + ".";
            model.TrySetExisting(instance + "Host", address);
            model.TrySetExisting(instance + "HostAddress", address);
            model.TrySetExisting(instance + "ErrorCode", "0");
            model.TrySetExisting(instance + "RTTimes", string.Join(',', Enumerable.Range(0, 3).Select(i => Text((long)Math.Max(1, Math.Round(rtt + i))))));
        }

        model.TrySetExisting(path + "RouteHopsNumberOfEntries", Text(hops));
        model.TrySetExisting(path + "ResponseTime", Text((long)Math.Max(1, Math.Round(last))));
        model.TrySetExisting(path + "IPAddressUsed", TokenExpander.WanAddress(cpe.Index, 1));
        return "Complete";
    }

    private static string UdpEcho(DeviceModel model, string path)
    {
        string host = model.GetValue(path + "Host") ?? string.Empty;
        if (host.Length == 0)
        {
            return "Error_CannotResolveHostName";
        }

        uint repetitions = Math.Min(Number(model, path + "NumberOfRepetitions", 10), 1000);
        double rtt = RoundTripMilliseconds(host, 0, 0);
        model.TrySetExisting(path + "SuccessCount", Text(repetitions));
        model.TrySetExisting(path + "FailureCount", "0");
        model.TrySetExisting(path + "AverageResponseTime", Text((long)Math.Max(1, Math.Round(rtt))));
        model.TrySetExisting(path + "MinimumResponseTime", Text((long)Math.Max(1, Math.Round(rtt * 0.8))));
        model.TrySetExisting(path + "MaximumResponseTime", Text((long)Math.Max(1, Math.Round(rtt * 1.5))));
        return "Complete";
    }

    private static async Task<string> DownloadAsync(DeviceModel model, string path, FileTransfers transfers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string url = model.GetValue(path + "DownloadURL") ?? string.Empty;
        if (!LoopbackGuard.TryParseLoopback(url, out _))
        {
            return "Error_InitConnectionFailed";
        }

        long start = Stopwatch.GetTimestamp();
        TransferResult result = await transfers.DownloadAsync(new PendingTransfer { IsDownload = true, CommandKey = string.Empty, FileType = string.Empty, Url = url, MethodEvent = string.Empty }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return "Error_TransferFailed";
        }

        WriteTimes(model, path, now, Stopwatch.GetElapsedTime(start));
        model.TrySetExisting(path + "TestBytesReceived", Text(result.Bytes));
        model.TrySetExisting(path + "TotalBytesReceived", Text(result.Bytes + 320));
        model.TrySetExisting(path + "TotalBytesSent", "180");
        return "Complete";
    }

    private static async Task<string> UploadAsync(DeviceModel model, string path, FileTransfers transfers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string url = model.GetValue(path + "UploadURL") ?? string.Empty;
        if (!LoopbackGuard.TryParseLoopback(url, out _))
        {
            return "Error_InitConnectionFailed";
        }

        int length = (int)Math.Min(Number(model, path + "TestFileLength", 1024 * 1024), 8u * 1024 * 1024);
        long start = Stopwatch.GetTimestamp();
        TransferResult result = await transfers.UploadAsync(new PendingTransfer { IsDownload = false, CommandKey = string.Empty, FileType = string.Empty, Url = url, MethodEvent = string.Empty }, new byte[length], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return "Error_NoResponse";
        }

        WriteTimes(model, path, now, Stopwatch.GetElapsedTime(start));
        model.TrySetExisting(path + "TotalBytesSent", Text(length + 320L));
        model.TrySetExisting(path + "TotalBytesReceived", "180");
        return "Complete";
    }

    /// <summary>TR-143 timestamps: TCP open request/response, request (ROM), first byte (BOM) and last byte (EOM).</summary>
    private static void WriteTimes(DeviceModel model, string path, DateTimeOffset start, TimeSpan elapsed)
    {
        string Format(TimeSpan offset) => CwmpDateTime.From(start + offset).Format(withFraction: true);
        TimeSpan connect = TimeSpan.FromTicks(Math.Max(1, elapsed.Ticks / 10));
        model.TrySetExisting(path + "TCPOpenRequestTime", Format(TimeSpan.Zero));
        model.TrySetExisting(path + "TCPOpenResponseTime", Format(connect));
        model.TrySetExisting(path + "ROMTime", Format(connect));
        model.TrySetExisting(path + "BOMTime", Format(connect * 2));
        model.TrySetExisting(path + "EOMTime", Format(elapsed));
    }
}
