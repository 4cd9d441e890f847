using Cwmp.Grains.Campaigns;
using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Devices;

internal sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 1050, Level = LogLevel.Information, Message = "Device {DeviceKey}: campaign {CampaignId} job started (task {TaskId}, outcome {Outcome})")]
    private partial void LogCampaignJobStarted(string deviceKey, string campaignId, string taskId, CampaignOutcome? outcome);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Information, Message = "Device {DeviceKey}: not started for campaign {CampaignId}, it is in campaign {OtherCampaignId}")]
    private partial void LogCampaignJobBusy(string deviceKey, string campaignId, string otherCampaignId);

    [LoggerMessage(EventId = 1052, Level = LogLevel.Information, Message = "Device {DeviceKey}: campaign {CampaignId} job ended: {Outcome} {Code}")]
    private partial void LogCampaignJobEnded(string deviceKey, string campaignId, CampaignOutcome? outcome, string? code);

    [LoggerMessage(EventId = 1053, Level = LogLevel.Debug, Message = "Device {DeviceKey}: connection request for campaign {CampaignId}: {Outcome}")]
    private partial void LogCampaignWake(string deviceKey, string? campaignId, ConnectionRequestOutcome outcome);
}
