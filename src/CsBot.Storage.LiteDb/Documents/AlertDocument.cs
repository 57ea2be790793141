using CsBot.Core;
using CsBot.Core.Alerts;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>One alert, collection "alerts", keyed by <see cref="Alert.Id"/> (= <see cref="Alert.KeyFor"/>), indexed on AccountId and State.</summary>
internal sealed class AlertDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string RuleId { get; set; } = "";
    public Severity Severity { get; set; }
    public AlertState State { get; set; }
    public string Reason { get; set; } = "";
    public InstantDocument FirstFiredAt { get; set; } = new();
    public InstantDocument LastEvaluatedAt { get; set; } = new();
    public InstantDocument? ResolvedAt { get; set; }
    public List<AlertEventDocument> History { get; set; } = [];

    public static AlertDocument From(Alert alert) => new()
    {
        Id = alert.Id,
        AccountId = alert.AccountId,
        RuleId = alert.RuleId,
        Severity = alert.Severity,
        State = alert.State,
        Reason = alert.Reason,
        FirstFiredAt = InstantDocument.From(alert.FirstFiredAt),
        LastEvaluatedAt = InstantDocument.From(alert.LastEvaluatedAt),
        ResolvedAt = InstantDocument.From(alert.ResolvedAt),
        History = [.. alert.History.Select(e => new AlertEventDocument { At = InstantDocument.From(e.At), What = e.What, By = e.By, Platform = e.Platform })],
    };

    public Alert ToAlert() => new()
    {
        Id = Id,
        AccountId = AccountId,
        RuleId = RuleId,
        Severity = Severity,
        State = State,
        Reason = Reason,
        FirstFiredAt = FirstFiredAt.ToDateTimeOffset(),
        LastEvaluatedAt = LastEvaluatedAt.ToDateTimeOffset(),
        ResolvedAt = ResolvedAt?.ToDateTimeOffset(),
        History = [.. (History ?? []).Select(e => new AlertEvent(e.At.ToDateTimeOffset(), e.What, e.By, e.Platform))],
    };
}

internal sealed class AlertEventDocument
{
    public InstantDocument At { get; set; } = new();
    public string What { get; set; } = "";
    public string? By { get; set; }
    public string? Platform { get; set; }
}
