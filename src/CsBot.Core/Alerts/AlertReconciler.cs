using CsBot.Core.Rules;

namespace CsBot.Core.Alerts;

/// <summary>
/// Turns one evaluation's rule hits into alert changes, Alertmanager-style: a hit with no open alert for its
/// (account, rule) starts one; a hit with an open alert refreshes it; an open alert of an evaluated account whose
/// rule no longer fires resolves. Pure: the caller stores the result.
/// </summary>
public static class AlertReconciler
{
    public static AlertChanges Reconcile(
        IReadOnlyCollection<Alert> openAlerts,
        IReadOnlyCollection<RuleHit> hits,
        IReadOnlySet<string> evaluatedAccountIds,
        DateTimeOffset now)
    {
        var open = openAlerts.Where(a => a.IsOpen).ToDictionary(a => a.Id);
        var started = new List<Alert>();
        var refreshed = new List<Alert>();
        var stillFiring = new HashSet<string>();

        foreach (var hit in hits)
        {
            var id = Alert.KeyFor(hit.AccountId, hit.RuleId);
            if (!stillFiring.Add(id)) continue;
            if (open.TryGetValue(id, out var existing))
            {
                var history = existing.History;
                if (hit.Severity > existing.Severity)
                    history = [.. history, new AlertEvent(now, $"severity rose from {existing.Severity} to {hit.Severity}: {hit.Reason}")];
                refreshed.Add(existing with { Severity = hit.Severity, Reason = hit.Reason, LastEvaluatedAt = now, History = history });
            }
            else
            {
                started.Add(new Alert
                {
                    Id = id,
                    AccountId = hit.AccountId,
                    RuleId = hit.RuleId,
                    Severity = hit.Severity,
                    State = AlertState.Firing,
                    Reason = hit.Reason,
                    FirstFiredAt = now,
                    LastEvaluatedAt = now,
                    History = [new AlertEvent(now, "fired: " + hit.Reason)],
                });
            }
        }

        var resolved = open.Values
            .Where(a => !stillFiring.Contains(a.Id) && evaluatedAccountIds.Contains(a.AccountId))
            .Select(a => a with
            {
                State = AlertState.Resolved,
                ResolvedAt = now,
                LastEvaluatedAt = now,
                History = [.. a.History, new AlertEvent(now, "resolved: condition no longer met")],
            })
            .ToList();

        return new AlertChanges(started, refreshed, resolved);
    }
}

/// <summary>The result of a reconciliation: alerts that started, that are still firing (refreshed), and that resolved.</summary>
public sealed record AlertChanges(IReadOnlyList<Alert> Started, IReadOnlyList<Alert> Refreshed, IReadOnlyList<Alert> Resolved)
{
    public IReadOnlyList<Alert> All => [.. Started, .. Refreshed, .. Resolved];
}
