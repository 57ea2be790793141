using CsBot.Core.Reminders;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>A reminder that was sent, collection "reminders_sent", keyed by <see cref="ReminderKey.Id"/>; the parts are kept for reading the file.</summary>
internal sealed class SentReminderDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public int RenewalDate { get; set; }
    public ReminderKind Kind { get; set; }
    public int OffsetDays { get; set; }
    public InstantDocument SentAt { get; set; } = new();

    public static SentReminderDocument From(ReminderKey key, DateTimeOffset at) => new()
    {
        Id = key.Id,
        AccountId = key.AccountId,
        RenewalDate = Days.From(key.RenewalDate),
        Kind = key.Kind,
        OffsetDays = key.OffsetDays,
        SentAt = InstantDocument.From(at),
    };
}
