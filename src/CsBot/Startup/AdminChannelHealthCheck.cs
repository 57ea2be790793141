using CsBot.Application.Delivery.Failures;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>
/// Degraded when a post to Alerting:AdminChannel was dead-lettered in the last <see cref="Window"/>: delivery failures
/// are then seen only in the log and the outbox API, and the admin channel's own failure is never posted anywhere
/// (it would loop), so this is where it shows.
/// </summary>
public sealed class AdminChannelHealthCheck(FailedDeliveries failures, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (failures.AdminChannel is not { } channel) return Task.FromResult(HealthCheckResult.Healthy("no admin channel configured (Alerting:AdminChannel)"));
        var failed = failures.AdminChannelFailures(time.GetUtcNow() - Window);
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy($"admin channel #{channel}")
            : HealthCheckResult.Degraded($"Admin channel #{channel} could not be posted to ({failed.Count} post(s) in the last {Window.TotalHours:0} hours): "
                + $"{failed[0].LastError}. Fix it (Alerting:AdminChannel), then POST /api/local/outbox/{failed[0].Id}/retry"));
    }
}
