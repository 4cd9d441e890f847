using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Campaigns;

internal sealed partial class CampaignShardGrain
{
    [LoggerMessage(EventId = 1220, Level = LogLevel.Debug, Message = "Campaign shard {ShardKey}: started {Devices} devices, {InFlight} in flight")]
    private partial void LogStarted(string shardKey, int devices, int inFlight);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "Campaign shard {ShardKey}: the {Step} step failed; the next tick retries it")]
    private partial void LogStepFailed(Exception exception, string shardKey, string step);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Information, Message = "Campaign shard {ShardKey} finished: {Started} started, {Succeeded} succeeded, {Failed} failed, {NotReached} not reached, {Skipped} skipped")]
    private partial void LogFinished(string shardKey, long started, long succeeded, long failed, long notReached, long skipped);
}
