using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Cwmp.Server.Diagnostics;

/// <summary>Ready only while this process's silo is an active member of the cluster.</summary>
internal sealed class SiloStatusHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo {status}"));
    }
}
