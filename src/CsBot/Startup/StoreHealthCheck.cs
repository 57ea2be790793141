using CsBot.Core.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>Healthy when the store answers a query.</summary>
public sealed class StoreHealthCheck(IPortfolioStore portfolio) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var empty = portfolio.IsEmpty();
            return Task.FromResult(HealthCheckResult.Healthy(empty ? "store reachable, no accounts" : "store reachable"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("store unreachable", ex));
        }
    }
}
