using System.Globalization;
using Cwmp.Grains.Campaigns;
using Cwmp.Grains.Index;

namespace Cwmp.CampaignBench;

/// <summary>The bench's index entries and campaigns.</summary>
internal static class Fleet
{
    public const string AllTag = "bench";
    public const string DispatchTag = "bench-dispatch";

    /// <summary>
    /// Writes <paramref name="devices"/> entries (the first <paramref name="dispatch"/> also tagged for dispatch). The
    /// devices have no grain state: a job handed to one is answered "unknown device", which measures the workers' and
    /// the grains' side of a dispatch without CPE sessions.
    /// </summary>
    public static async Task IndexAsync(IDeviceIndex index, int devices, int dispatch)
    {
        using var gate = new SemaphoreSlim(512);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var writes = new List<Task>(devices);
        for (int i = 0; i < devices; i++)
        {
            await gate.WaitAsync();
            string serial = i.ToString("D8", CultureInfo.InvariantCulture);
            var entry = new DeviceIndexEntry
            {
                DeviceKey = "A1B2C3-BenchGateway-" + serial,
                Manufacturer = "Bench",
                Oui = "A1B2C3",
                ProductClass = "BenchGateway",
                SerialNumber = serial,
                SoftwareVersion = "1.0",
                Tags = i < dispatch ? [AllTag, DispatchTag] : [AllTag],
                LastInformAt = now,
                DataModelRoot = "Device.",
            };
            writes.Add(Release(index.UpsertAsync(entry), gate));
        }

        await Task.WhenAll(writes);
    }

    public static CampaignDefinition Campaign(string[] tags, int startsPerMinute) => new()
    {
        Name = "bench",
        Target = new DeviceQuery { Tags = tags },
        Firmware = new FirmwareAction("http://127.0.0.1:9/fw.bin", "2.0"),
        Rollout = new RolloutPolicy { CanaryCount = 100, WavePercentages = [1, 10, 100], MaxInFlight = 1_000_000, MaxStartsPerMinute = startsPerMinute, FailureRateThreshold = 1 },
    };

    private static async Task Release(Task write, SemaphoreSlim gate)
    {
        try
        {
            await write;
        }
        finally
        {
            gate.Release();
        }
    }
}
