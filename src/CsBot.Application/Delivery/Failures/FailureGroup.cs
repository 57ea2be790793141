using CsBot.Core.Formatting;
using CsBot.Core.Outbox;

namespace CsBot.Application.Delivery.Failures;

/// <summary>The dead letters that share one <see cref="DeliveryFailureCause"/>, newest first.</summary>
public sealed record FailureGroup(DeliveryFailureCause Cause, IReadOnlyList<OutboxEntry> Entries)
{
    public int Count => Entries.Count;

    /// <summary>Who the messages were for: the one recipient when the cause is tied to one, else how many.</summary>
    public string Recipients => Entries.Select(e => e.Message.Recipient.DisplayName).Distinct(StringComparer.OrdinalIgnoreCase).ToList() is { Count: 1 } one
        ? one[0]
        : $"{Entries.Select(e => DeliveryFailureCause.RecipientKeyOf(e.Message.Recipient)).Distinct().Count()} recipients";

    public DateTimeOffset LatestFailure => Entries.Max(e => e.DeadLetteredAt ?? e.LastAttemptAt ?? e.CreatedAt);

    public string? LastError => Entries.MaxBy(e => e.DeadLetteredAt ?? e.CreatedAt)?.LastError;

    /// <summary>"12 messages to #cs-enterprise failed: the bot is not in the channel; invite it with /invite @CsBot"</summary>
    public string Sentence => $"{Format.Count(Count, "message")} to {Recipients} failed: {Cause.Reason}; {Cause.Fix}";
}
