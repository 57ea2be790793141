using CsBot.Core.Digest;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>A channel's weekly digest subscription; the id is <see cref="DigestSubscription.KeyOf"/> of the channel.</summary>
internal sealed class DigestSubscriptionDocument
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Cron { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string? Segment { get; set; }

    public static DigestSubscriptionDocument From(DigestSubscription s) => new()
    {
        Id = DigestSubscription.KeyOf(s.Channel),
        Channel = s.Channel,
        Cron = s.Cron,
        TimeZone = s.TimeZone,
        Segment = s.Segment,
    };

    public DigestSubscription ToDomain() => new(Channel, Cron, TimeZone, Segment);
}
