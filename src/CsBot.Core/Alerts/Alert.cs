namespace CsBot.Core.Alerts;

/// <summary>
/// A churn-risk alert, keyed by (account, rule): the same condition firing again updates this alert rather
/// than creating another, which is what keeps CsBot from spamming.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required AlertState State { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset FirstFiredAt { get; init; }
    public required DateTimeOffset LastEvaluatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public IReadOnlyList<AlertEvent> History { get; init; } = [];

    public static string KeyFor(string accountId, string ruleId) => $"{accountId}:{ruleId}";

    public bool IsOpen => State != AlertState.Resolved;
}

/// <summary>One entry of an alert's history: what happened, when, by whom and from which platform.</summary>
public sealed record AlertEvent(DateTimeOffset At, string What, string? By = null, string? Platform = null);
