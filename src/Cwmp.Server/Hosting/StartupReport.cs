using Cwmp.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Cwmp.Server.Hosting;

/// <summary>
/// Says at start-up what this process is and where CPEs reach it, and marks the moment it is fully started
/// (tests and operators wait for that line).
/// </summary>
internal sealed partial class StartupReport(
    ServerRoleSet roles,
    IOptions<StorageOptions> storage,
    IOptions<PortOptions> ports,
    IOptions<AuthOptions> auth,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var began = timeProvider.GetTimestamp();
        var p = ports.Value;
        LogConfiguration(logger, roles.Roles, storage.Value.Mode, p.Cwmp, p.Nbi, p.Files);
        if (roles.Roles.HasFlag(ServerRoles.Gateway))
        {
            LogCwmpEndpoint(logger, p.Cwmp);
        }
        if (auth.Value.Required)
        {
            LogAuthRequired(logger);
        }
        else
        {
            LogAuthDisabled(logger);
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var elapsed = timeProvider.GetElapsedTime(began);
            LogStarted(logger, elapsed.TotalMilliseconds);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Cwmp server starting: roles {Roles}, storage {StorageMode}, ports CWMP {CwmpPort}, NBI {NbiPort}, files {FilesPort}")]
    private static partial void LogConfiguration(ILogger logger, ServerRoles roles, StorageMode storageMode, int cwmpPort, int nbiPort, int filesPort);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "CWMP endpoint: CPEs POST to http://<host>:{CwmpPort}/ (the ACS URL to configure in them)")]
    private static partial void LogCwmpEndpoint(ILogger logger, int cwmpPort);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "CPEs are accepted WITHOUT HTTP authentication (Cwmp:Auth:Required=false): any device that reaches the CWMP port can claim any identity. Never run like this outside a lab")]
    private static partial void LogAuthDisabled(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "CPEs must authenticate over HTTP (Cwmp:Auth:Required=true)")]
    private static partial void LogAuthRequired(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Cwmp server started in {ElapsedMs:F0} ms")]
    private static partial void LogStarted(ILogger logger, double elapsedMs);
}
