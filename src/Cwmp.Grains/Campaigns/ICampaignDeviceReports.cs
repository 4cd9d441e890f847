namespace Cwmp.Grains.Campaigns;

/// <summary>The shard worker's inbox for devices whose job ended (implemented by the shard grain).</summary>
[Alias("cwmp.ICampaignDeviceReports")]
internal interface ICampaignDeviceReports : IGrainWithStringKey
{
    /// <summary>
    /// One-way: a device never waits on a worker (the worker calls devices, the other way round would deadlock). A
    /// lost report is harmless: the worker asks its in-flight devices itself after a restart and periodically.
    /// </summary>
    [Alias("DeviceFinished")]
    [Orleans.Concurrency.OneWay]
    Task DeviceFinishedAsync(string deviceKey, CampaignJobStatus status);
}
