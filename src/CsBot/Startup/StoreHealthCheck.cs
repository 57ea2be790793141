using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>
/// Healthy when the database file still reads as a LiteDB file from disk and answers a query; Unhealthy, naming the
/// file and what is wrong, when it was deleted, overwritten, damaged or locked under the running process.
/// </summary>
public sealed class StoreHealthCheck(LiteDbContext store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.CurrentProblem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy("store reachable"));
}
