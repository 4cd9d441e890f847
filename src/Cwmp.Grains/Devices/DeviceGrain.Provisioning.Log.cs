using Cwmp.Grains.Subscribers;
using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Devices;

internal sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Device {DeviceKey}: provisioning ({Presets}) queued; {Open} provisioning tasks open")]
    private partial void LogProvisioningQueued(string deviceKey, IReadOnlyList<string> presets, int open);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Device {DeviceKey}: provisioning does not set {Path}: {Reason}")]
    private partial void LogProvisioningValueRefused(string deviceKey, string path, string reason);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Error, Message = "Device {DeviceKey}: the provisioning pass failed; the session goes on without it")]
    private partial void LogProvisioningFailed(Exception exception, string deviceKey);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Information, Message = "Device {DeviceKey}: firmware {Running} → {Wanted} (preset {Preset}): Download queued")]
    private partial void LogFirmwareQueued(string deviceKey, string? running, string wanted, string preset);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Information, Message = "Device {DeviceKey}: the Download of firmware {Version} ended: {Outcome}")]
    private partial void LogFirmwareFinished(string deviceKey, string version, string outcome);

    [LoggerMessage(EventId = 1315, Level = LogLevel.Information, Message = "Device {DeviceKey}: first-contact provisioning done")]
    private partial void LogFirstContactDone(string deviceKey);

    [LoggerMessage(EventId = 1316, Level = LogLevel.Information, Message = "Device {DeviceKey}: discovery done: {Methods} RPC methods, {Parameters} cached names, {WalkRequests} NextLevel requests")]
    private partial void LogDiscoveryDone(string deviceKey, int methods, int parameters, int walkRequests);

    [LoggerMessage(EventId = 1317, Level = LogLevel.Information, Message = "Device {DeviceKey}: a full GetParameterNames was refused ({Reason}); walking with NextLevel=true")]
    private partial void LogNameWalkStarted(string deviceKey, string reason);

    [LoggerMessage(EventId = 1318, Level = LogLevel.Information, Message = "Device {DeviceKey}: associated with subscriber {SubscriberId} (pre-registered by {Kind})")]
    private partial void LogSubscriberAssociated(string deviceKey, string subscriberId, SubscriberKeyKind kind);
}
