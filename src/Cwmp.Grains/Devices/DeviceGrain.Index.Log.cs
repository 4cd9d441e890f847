using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Devices;

internal sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Device {DeviceKey}: the device index could not be written; it is retried on the next change or Inform")]
    private partial void LogIndexWriteFailed(Exception exception, string deviceKey);
}
