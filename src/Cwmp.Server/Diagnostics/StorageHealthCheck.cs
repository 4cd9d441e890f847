using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cwmp.Server.Diagnostics;

/// <summary>Ready only when a grain can be activated and its state written to storage and read back.</summary>
internal sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    // Kubernetes' default probe timeout is 1 s per attempt but it retries; a stuck store must fail well before the
    // 30 s Orleans response timeout so the probe reports it rather than timing out itself.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static string ProbeKey => "readyz/" + Environment.MachineName;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await grains.GetGrain<IStorageProbeGrain>(ProbeKey).ProbeAsync()
                .WaitAsync(ProbeTimeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("grain storage answered",
                new Dictionary<string, object> { ["writes"] = result.Writes });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("grain storage did not answer: " + ex.Message, ex);
        }
    }
}
