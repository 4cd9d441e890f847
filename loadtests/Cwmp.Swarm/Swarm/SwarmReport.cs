using System.Diagnostics;
using System.Text.Json;

namespace Cwmp.Swarm.Swarm;

/// <summary>The end-of-run figures, printed as a summary and written as JSON.</summary>
internal sealed record SwarmReport
{
    public required SwarmOptions Options { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required long SessionsStarted { get; init; }

    public required long SessionsSucceeded { get; init; }

    public required long SessionsFailed { get; init; }

    public required double SessionsPerSecond { get; init; }

    public required TimeSpan P50 { get; init; }

    public required TimeSpan P95 { get; init; }

    public required TimeSpan P99 { get; init; }

    public required IReadOnlyDictionary<string, long> FailuresByKind { get; init; }

    public required IReadOnlyDictionary<string, long> InjectedFaults { get; init; }

    public required IReadOnlyDictionary<string, long> RpcsAnswered { get; init; }

    public required IReadOnlyDictionary<string, long> EventsSent { get; init; }

    public required IReadOnlyDictionary<string, long> Transfers { get; init; }

    public required long HttpConnectionRequests { get; init; }

    public required long UdpConnectionRequests { get; init; }

    public required long RejectedConnectionRequests { get; init; }

    public required long TcpConnections { get; init; }

    public required MemoryReport Memory { get; init; }

    public required double BytesPerDeviceAfterRun { get; init; }

    public required long WorkingSetBytes { get; init; }

    /// <summary>Devices whose Inform the ACS acknowledged at least once.</summary>
    public required int DevicesInformed { get; init; }

    /// <summary>From the start until every device had an Inform acknowledged; null if that did not happen in the run.</summary>
    public TimeSpan? AllInformedAfter { get; init; }

    public static SwarmReport Create(SwarmContext context, MemoryReport memory, TimeSpan elapsed)
    {
        SwarmStatistics s = context.Statistics;
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        return new SwarmReport
        {
            Options = context.Options,
            Elapsed = elapsed,
            SessionsStarted = s.SessionsStarted,
            SessionsSucceeded = s.SessionsSucceeded,
            SessionsFailed = s.SessionsFailed,
            SessionsPerSecond = elapsed.TotalSeconds > 0 ? s.SessionsSucceeded / elapsed.TotalSeconds : 0,
            P50 = s.Latency.Percentile(0.50),
            P95 = s.Latency.Percentile(0.95),
            P99 = s.Latency.Percentile(0.99),
            FailuresByKind = Snapshot(s.FailuresByKind),
            InjectedFaults = Snapshot(s.InjectedFaults),
            RpcsAnswered = Snapshot(s.RpcsAnswered),
            EventsSent = Snapshot(s.EventsSent),
            Transfers = Snapshot(s.Transfers),
            HttpConnectionRequests = s.HttpConnectionRequests,
            UdpConnectionRequests = s.UdpConnectionRequests,
            RejectedConnectionRequests = s.RejectedConnectionRequests,
            TcpConnections = s.TcpConnections,
            Memory = memory,
            BytesPerDeviceAfterRun = memory.Devices == 0 ? 0 : (heap - memory.HeapBefore) / (double)memory.Devices,
            WorkingSetBytes = Process.GetCurrentProcess().WorkingSet64,
            DevicesInformed = context.DevicesInformed,
        };
    }

    private static SortedDictionary<string, long> Snapshot(IEnumerable<KeyValuePair<string, long>> items) => new(items.ToDictionary(i => i.Key, i => i.Value), StringComparer.Ordinal);

    public string Summary()
    {
        var text = new System.Text.StringBuilder();
        System.Globalization.CultureInfo c = System.Globalization.CultureInfo.InvariantCulture;
        text.AppendLine(c, $"scenario {Options.Scenario}, {Options.Devices} devices, {Elapsed.TotalSeconds:F1} s against {Options.AcsUrl}");
        text.AppendLine(c, $"sessions: {SessionsSucceeded} ok, {SessionsFailed} failed, {SessionsPerSecond:F1} sessions/s; latency p50 {P50.TotalMilliseconds:F2} ms, p95 {P95.TotalMilliseconds:F2} ms, p99 {P99.TotalMilliseconds:F2} ms");
        text.AppendLine(c, $"devices informed: {DevicesInformed} of {Options.Devices}{(AllInformedAfter is { } all ? $", all after {all.TotalSeconds:F1} s" : string.Empty)}");
        text.AppendLine(c, $"failures: {Format(FailuresByKind)}; injected: {Format(InjectedFaults)}");
        text.AppendLine(c, $"connection requests answered: http {HttpConnectionRequests}, udp {UdpConnectionRequests}, rejected {RejectedConnectionRequests}");
        text.AppendLine(c, $"events: {Format(EventsSent)}");
        text.AppendLine(c, $"RPCs answered: {Format(RpcsAnswered)}; transfers: {Format(Transfers)}");
        text.AppendLine(c, $"memory: {Memory.BytesPerIdleDevice:F0} bytes per idle device, {BytesPerDeviceAfterRun:F0} bytes per device after the run, working set {WorkingSetBytes / (1024.0 * 1024):F0} MiB");
        return text.ToString();
    }

    private static string Format(IReadOnlyDictionary<string, long> items) =>
        items.Count == 0 ? "none" : string.Join(", ", items.Select(i => $"{i.Key} {i.Value}"));

    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", Options.Scenario.ToString().ToLowerInvariant());
        json.WriteString("acsUrl", Options.AcsUrl.ToString());
        json.WriteNumber("devices", Options.Devices);
        json.WriteNumber("elapsedSeconds", Math.Round(Elapsed.TotalSeconds, 3));
        json.WriteNumber("sessionsStarted", SessionsStarted);
        json.WriteNumber("sessionsSucceeded", SessionsSucceeded);
        json.WriteNumber("sessionsFailed", SessionsFailed);
        json.WriteNumber("sessionsPerSecond", Math.Round(SessionsPerSecond, 2));
        json.WriteStartObject("latencyMs");
        json.WriteNumber("p50", Math.Round(P50.TotalMilliseconds, 3));
        json.WriteNumber("p95", Math.Round(P95.TotalMilliseconds, 3));
        json.WriteNumber("p99", Math.Round(P99.TotalMilliseconds, 3));
        json.WriteEndObject();
        json.WriteNumber("devicesInformed", DevicesInformed);
        if (AllInformedAfter is { } allInformed)
        {
            json.WriteNumber("allInformedSeconds", Math.Round(allInformed.TotalSeconds, 3));
        }
        else
        {
            json.WriteNull("allInformedSeconds");
        }

        WriteMap(json, "failuresByKind", FailuresByKind);
        WriteMap(json, "injectedFaults", InjectedFaults);
        json.WriteStartObject("connectionRequests");
        json.WriteNumber("http", HttpConnectionRequests);
        json.WriteNumber("udp", UdpConnectionRequests);
        json.WriteNumber("rejected", RejectedConnectionRequests);
        json.WriteEndObject();
        WriteMap(json, "eventsSent", EventsSent);
        WriteMap(json, "rpcsAnswered", RpcsAnswered);
        WriteMap(json, "transfers", Transfers);
        json.WriteNumber("tcpConnections", TcpConnections);
        json.WriteStartObject("memory");
        json.WriteNumber("bytesPerIdleDevice", Math.Round(Memory.BytesPerIdleDevice, 1));
        json.WriteNumber("bytesPerDeviceAfterRun", Math.Round(BytesPerDeviceAfterRun, 1));
        json.WriteNumber("heapBytesForDevices", Memory.HeapAfter - Memory.HeapBefore);
        json.WriteNumber("workingSetBytes", WorkingSetBytes);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> items)
    {
        json.WriteStartObject(name);
        foreach (KeyValuePair<string, long> item in items)
        {
            json.WriteNumber(item.Key, item.Value);
        }

        json.WriteEndObject();
    }
}
