using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Campaigns;

internal sealed partial class CampaignGrain
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Campaign {CampaignId} created: {Name}")]
    private partial void LogCreated(string campaignId, string name);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Campaign {CampaignId} started: {Targeted} devices in {WaveCount} waves")]
    private partial void LogStarted(string campaignId, long targeted, int waveCount);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Campaign {CampaignId} is {Status} ({Reason})")]
    private partial void LogStatus(string campaignId, CampaignStatus status, string? reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Campaign {CampaignId}: wave {Wave} begins, up to {Devices} devices in all")]
    private partial void LogWave(string campaignId, int wave, long devices);
}
