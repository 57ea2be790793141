using CsBot.Core.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CsBot.Host.Startup;

/// <summary>
/// Degraded when delivery is falling behind: a message has been due for longer than <see cref="OverdueAfter"/> (delivery
/// runs every 15 s, so it is not running or the platform keeps refusing), or any message was dead-lettered in the
/// last <see cref="DeadLetterWindow"/> (it needs someone to fix the cause and retry it). Older dead letters stay
/// listed in the outbox but no longer count, so one old failure does not keep CsBot Degraded for ever.
/// </summary>
public sealed class OutboxHealthCheck(IOutboxStore outbox, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DeadLetterWindow = TimeSpan.FromHours(24);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var backlog = outbox.Backlog(now - DeadLetterWindow);
        var overdue = backlog.EarliestDue is { } due && now - due > OverdueAfter ? now - due : (TimeSpan?)null;
        var problems = new List<string>();
        if (overdue is { } late) problems.Add($"a message has been due for {late.TotalMinutes:0} minutes (more than {OverdueAfter.TotalMinutes:0})");
        if (backlog.RecentDeadLetters > 0)
            problems.Add($"{backlog.RecentDeadLetters} message(s) dead-lettered in the last {DeadLetterWindow.TotalHours:0} hours; see GET /api/local/outbox?state=DeadLetter");
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("outbox keeping up")
            : HealthCheckResult.Degraded("Outbox behind: " + string.Join("; ", problems)));
    }
}
