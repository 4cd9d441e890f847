using Cwmp.Server.Configuration;
using Cwmp.Server.Hosting;
using Cwmp.Server.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.Server.Tests;

public sealed class StartupReportTests
{
    [Fact]
    public async Task Without_required_authentication_a_warning_says_so()
    {
        var logger = await StartAsync(new AuthOptions { Required = false });

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(1002, warning.EventId.Id);
        Assert.Equal(
            "CPEs are accepted WITHOUT HTTP authentication (Cwmp:Auth:Required=false): any device that reaches the CWMP port can claim any identity. Never run like this outside a lab",
            warning.Message);
    }

    [Fact]
    public async Task The_cwmp_endpoint_is_announced_and_required_authentication_is_quiet()
    {
        var logger = await StartAsync(new AuthOptions { Required = true });

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(
            [
                "Cwmp server starting: roles Silo, Gateway, storage Embedded, ports CWMP 7547, NBI 7557, files 7567",
                "CWMP endpoint: CPEs POST to http://<host>:7547/ (the ACS URL to configure in them)",
                "CPEs must authenticate over HTTP (Cwmp:Auth:Required=true)",
            ],
            logger.Entries.Select(e => e.Message));
    }

    private static async Task<CapturingLogger<StartupReport>> StartAsync(AuthOptions auth)
    {
        var logger = new CapturingLogger<StartupReport>();
        var report = new StartupReport(
            new ServerRoleSet(ServerRoles.Silo | ServerRoles.Gateway),
            Options.Create(new StorageOptions()),
            Options.Create(new PortOptions()),
            Options.Create(auth),
            new NeverStartedLifetime(),
            TimeProvider.System,
            logger);
        await report.StartAsync(CancellationToken.None);
        return logger;
    }

    private sealed class NeverStartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
