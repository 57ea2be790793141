using CsBot.Application.Notifications;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Delivery.Failures;

/// <summary>
/// The admin's view of delivery failures: dead letters grouped by what a person must fix
/// (<see cref="DeliveryFailureCause"/>), posted to Alerting:AdminChannel, and retried all at once after the fix.
/// </summary>
/// <remarks>
/// A group is posted once: its outbox idempotency key is the cause plus the time of its latest failure, so a
/// repeated report of the same failures is a no-op in the outbox, and only a new failure with that cause (a later
/// dead letter) posts the group again, with its new count. The posts go through the outbox like any message, and
/// their own failures are never grouped or posted: an admin channel that refuses CsBot would otherwise report itself
/// for ever. They are logged by the delivery run and shown on /healthz (<see cref="AdminChannelFailures"/>).
/// </remarks>
/// <param name="trigger">Delivers requeued messages at once instead of at the next poll; absent where nothing schedules delivery.</param>
public sealed class FailedDeliveries(IOutboxStore outbox, AlertingOptions alerting, BusinessClock clock, ILogger<FailedDeliveries> logger,
    IDeliveryTrigger? trigger = null)
{
    /// <summary>Every admin-channel post's idempotency key starts with this.</summary>
    public const string AdminPostKeyPrefix = "admin:failures:";

    /// <summary>How many of the newest dead letters are grouped; older ones stay listed by the outbox API.</summary>
    public const int MaxScanned = 1000;

    public string? AdminChannel => alerting.AdminChannelName;

    public static bool IsAdminPost(OutboxEntry entry) => IsAdminPost(entry.IdempotencyKey);

    public static bool IsAdminPost(string idempotencyKey) => idempotencyKey.StartsWith(AdminPostKeyPrefix, StringComparison.Ordinal);

    /// <summary>The dead letters grouped by cause, the group with the latest failure first.</summary>
    public IReadOnlyList<FailureGroup> Groups() =>
    [
        .. DeadLetters()
            .GroupBy(DeliveryFailureCause.Of, e => e, (cause, entries) => new FailureGroup(cause, [.. entries]), CauseComparer.Instance)
            .OrderByDescending(g => g.LatestFailure),
    ];

    /// <summary>
    /// Queues one admin-channel post per group not yet posted with its latest failure. Returns how many were queued;
    /// 0 when no admin channel is configured.
    /// </summary>
    public int ReportToAdminChannel()
    {
        if (AdminChannel is not { } channel) return 0;
        var queued = 0;
        foreach (var group in Groups())
        {
            var key = $"{AdminPostKeyPrefix}{group.Cause.Key}:{group.LatestFailure.UtcTicks}";
            if (!outbox.Enqueue(new OutgoingMessage(Recipient.Channel(channel), AdminFailureMessage.For(group), key), clock.Now)) continue;
            queued++;
            logger.LogWarning("Delivery failures reported to #{Channel}: {Sentence}", channel, group.Sentence);
        }
        return queued;
    }

    /// <summary>
    /// Puts every dead letter with the cause <paramref name="causeKey"/> (a group's key, or a bare code for all its
    /// recipients) back in the queue, due now. Returns the groups retried, empty when none matched.
    /// </summary>
    public IReadOnlyList<FailureGroup> Retry(string causeKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(causeKey);
        var matched = Groups().Where(g => g.Cause.Matches(causeKey)).ToList();
        var now = clock.Now;
        var requeued = matched.Select(g => g with { Entries = [.. g.Entries.Where(e => outbox.Requeue(e.Id, now))] }).Where(g => g.Count > 0).ToList();
        if (requeued.Count == 0) return requeued;
        logger.LogInformation("Retrying {Count} failed message(s) with cause {Cause}", requeued.Sum(g => g.Count), causeKey);
        if (trigger is not null) _ = DeliverSoonAsync(trigger);
        return requeued;
    }

    /// <summary>A post as it reads once its failures were retried by <paramref name="who"/>.</summary>
    public ChatMessage MarkRetried(ChatMessage original, string who, int count) => AdminFailureMessage.Retried(original, who, count, clock.Now);

    private async Task DeliverSoonAsync(IDeliveryTrigger deliveryTrigger)
    {
        try
        {
            await deliveryTrigger.DeliverSoonAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The messages are queued; the next scheduled delivery run sends them.
            logger.LogWarning(ex, "Could not start delivery of the retried messages at once; the next delivery run sends them");
        }
    }

    /// <summary>Admin-channel posts dead-lettered at or after <paramref name="since"/>, newest first: the admin channel itself is failing.</summary>
    public IReadOnlyList<OutboxEntry> AdminChannelFailures(DateTimeOffset since) =>
        [.. outbox.List(OutboxState.DeadLetter, MaxScanned).Where(e => IsAdminPost(e) && (e.DeadLetteredAt ?? e.CreatedAt) >= since)];

    private IEnumerable<OutboxEntry> DeadLetters() => outbox.List(OutboxState.DeadLetter, MaxScanned).Where(e => !IsAdminPost(e));

    /// <summary>Causes are the same group when their keys are, whatever their wording.</summary>
    private sealed class CauseComparer : IEqualityComparer<DeliveryFailureCause>
    {
        public static readonly CauseComparer Instance = new();
        public bool Equals(DeliveryFailureCause? x, DeliveryFailureCause? y) => string.Equals(x?.Key, y?.Key, StringComparison.Ordinal);
        public int GetHashCode(DeliveryFailureCause obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
