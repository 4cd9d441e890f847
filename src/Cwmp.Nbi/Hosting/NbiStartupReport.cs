using Cwmp.Nbi.Diagnostics;
using Cwmp.Nbi.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cwmp.Nbi.Hosting;

/// <summary>Says at start-up whether the NBI asks for API keys; lab mode is a loud warning.</summary>
internal sealed class NbiStartupReport(IOptions<NbiOptions> options, ApiKeyStore keys, ILogger<NbiStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RequireAuthentication)
        {
            NbiLog.LabMode(logger);
        }
        else if (keys.Count == 0)
        {
            NbiLog.NoKeys(logger);
        }
        else
        {
            NbiLog.KeysRequired(logger, keys.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
