using CsBot.Storage.PostgreSql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>
/// Healthy when the PostgreSQL database answers and holds CsBot's schema; Unhealthy, naming the database (never its
/// credentials) and what is wrong, when it is unreachable, gone or was never migrated.
/// </summary>
public sealed class PostgreSqlHealthCheck(PostgreSqlDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.CurrentProblem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy(database.Description + " reachable"));
}
