using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
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
    // Lifecycle fields; documents written before they existed read back as null/empty.
    public InstantDocument? NotifiedAt { get; set; }
    public Severity? NotifiedSeverity { get; set; }
    public List<RecipientDocument>? NotifiedRecipients { get; set; }
    public InstantDocument? CriticalNotifiedAt { get; set; }
    public InstantDocument? SnoozedUntil { get; set; }
    public string? AcknowledgedBy { get; set; }
    public InstantDocument? AcknowledgedAt { get; set; }
    public string? AcknowledgedPlatform { get; set; }
    public InstantDocument? EscalatedAt { get; set; }
    public List<AnnouncementDocument>? Announcements { get; set; }

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
        NotifiedAt = InstantDocument.From(alert.NotifiedAt),
        NotifiedSeverity = alert.NotifiedSeverity,
        NotifiedRecipients = [.. alert.NotifiedRecipients.Select(RecipientDocument.From)],
        CriticalNotifiedAt = InstantDocument.From(alert.CriticalNotifiedAt),
        SnoozedUntil = InstantDocument.From(alert.SnoozedUntil),
        AcknowledgedBy = alert.AcknowledgedBy,
        AcknowledgedAt = InstantDocument.From(alert.AcknowledgedAt),
        AcknowledgedPlatform = alert.AcknowledgedPlatform,
        EscalatedAt = InstantDocument.From(alert.EscalatedAt),
        Announcements = [.. alert.Announcements.Select(a => new AnnouncementDocument { MessageKey = a.MessageKey, Recipient = RecipientDocument.From(a.Recipient), At = InstantDocument.From(a.At) })],
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
        NotifiedAt = NotifiedAt?.ToDateTimeOffset(),
        NotifiedSeverity = NotifiedSeverity,
        NotifiedRecipients = [.. (NotifiedRecipients ?? []).Select(r => r.ToRecipient())],
        CriticalNotifiedAt = CriticalNotifiedAt?.ToDateTimeOffset(),
        SnoozedUntil = SnoozedUntil?.ToDateTimeOffset(),
        AcknowledgedBy = AcknowledgedBy,
        AcknowledgedAt = AcknowledgedAt?.ToDateTimeOffset(),
        AcknowledgedPlatform = AcknowledgedPlatform,
        EscalatedAt = EscalatedAt?.ToDateTimeOffset(),
        Announcements = [.. (Announcements ?? []).Select(a => new AlertAnnouncement(a.MessageKey, a.Recipient.ToRecipient(), a.At.ToDateTimeOffset()))],
    };
}

internal sealed class RecipientDocument
{
    public RecipientKind Kind { get; set; }
    public string Key { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? TimeZone { get; set; }

    public static RecipientDocument From(Recipient recipient) => new()
    {
        Kind = recipient.Kind,
        Key = recipient.Key,
        DisplayName = recipient.DisplayName,
        TimeZone = recipient.TimeZone,
    };

    public Recipient ToRecipient() => new(Kind, Key, DisplayName, TimeZone);
}

internal sealed class AlertEventDocument
{
    public InstantDocument At { get; set; } = new();
    public string What { get; set; } = "";
    public string? By { get; set; }
    public string? Platform { get; set; }
}

internal sealed class AnnouncementDocument
{
    public string MessageKey { get; set; } = "";
    public RecipientDocument Recipient { get; set; } = new();
    public InstantDocument At { get; set; } = new();
}
