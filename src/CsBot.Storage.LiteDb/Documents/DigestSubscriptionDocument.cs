using CsBot.Core.Digest;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>A channel's weekly digest subscription; the id is <see cref="DigestSubscription.KeyOf"/> of the channel.</summary>
internal sealed class DigestSubscriptionDocument
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>
    /// The scheduler's own text for when the digest goes out, kept as given and never read here. Stored under "Cron",
    /// the field the first version wrote, so existing sign-ups keep their times; absent means the scheduler's default.
    /// </summary>
    [BsonField("Cron")]
    public string? Schedule { get; set; }
    public string TimeZone { get; set; } = "";
    public string? Segment { get; set; }

    public static DigestSubscriptionDocument From(DigestSubscription s) => new()
    {
        Id = DigestSubscription.KeyOf(s.Channel),
        Channel = s.Channel,
        Schedule = s.Schedule,
        TimeZone = s.TimeZone,
        Segment = s.Segment,
    };

    public DigestSubscription ToDomain() => new(Channel, TimeZone, Segment, string.IsNullOrWhiteSpace(Schedule) ? null : Schedule);
}
