using CsBot.Application.Evaluation;
using CsBot.Application.Pictures;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Digest;

/// <summary>
/// Builds the weekly digest from the stores and queues it to a subscribed channel, once per channel and ISO week
/// (the week's key is the outbox idempotency key). Also previews a digest without sending anything, from the read
/// model questions are answered from, so a preview costs no read of the store.
/// </summary>
public sealed class DigestService(
    PortfolioView view,
    IPortfolioStore portfolio,
    IScoreStore scores,
    IAlertStore alerts,
    IOutbox outbox,
    IDigestSubscriptions subscriptions,
    PortfolioScoring scoring,
    DigestBuilder builder,
    BusinessClock clock,
    ILogger<DigestService> logger)
{
    /// <summary>The digest as it would be posted today, in the business time zone.</summary>
    public ChatMessage Preview(string? segment) => builder.Build(FromView(segment, clock.Today));

    /// <summary>The digest's charts as they would be drawn today, for the pictures that follow a digest (from the read model, like the preview).</summary>
    public (BandAveragesChart Bands, DropsChart Drops) Charts(string? segment) => builder.Charts(FromView(segment, clock.Today));

    /// <summary>Distinct segments of the portfolio, for telling a user which ones exist.</summary>
    public IReadOnlyList<string> Segments() => view.Portfolio.Segments;

    /// <summary>Queues this week's digest to the channel's subscription. False when the channel is not subscribed or this week's digest was already queued.</summary>
    public bool Send(string channel)
    {
        if (subscriptions.Find(channel) is not { } subscription)
        {
            logger.LogWarning("No digest subscription for channel {Channel}; nothing sent", channel);
            return false;
        }
        // "This week" is the subscriber's week: a Monday 09:00 digest in Tokyo is still Sunday in UTC.
        var today = TodayIn(subscription);
        var message = builder.Build(Load(subscription.Segment, today));
        var key = DigestKeys.For(subscription.Channel, today);
        var queued = outbox.Enqueue(new OutgoingMessage(Recipient.Channel(subscription.Channel), message, key), clock.Now);
        logger.LogInformation(queued ? "Weekly digest {Key} queued" : "Weekly digest {Key} was already queued; not sent again", key);
        return queued;
    }

    /// <summary>The key this week's digest to <paramref name="subscription"/> is queued under.</summary>
    public string KeyFor(DigestSubscription subscription) => DigestKeys.For(subscription.Channel, TodayIn(subscription));

    private DateOnly TodayIn(DigestSubscription subscription)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var found) ? found : clock.Zone;
        return clock.TodayIn(zone);
    }

    private DigestData FromView(string? segment, DateOnly today)
    {
        var snapshot = view.Portfolio;
        var signals = snapshot.Signals;
        var stored = view.Scores;
        var open = view.Alerts;
        // The list answers' board for today (kept and patched between writes) holds the day's active accounts with
        // their scores and histories by position, so the digest looks none of them up.
        var board = view.Board(snapshot, stored, open, today);
        // As Load: an account not scored yet is scored now; the scores held are shared, not copied, for the others.
        // Only the unscored accounts' signals are unpacked.
        var unscored = new List<KeyValuePair<string, HealthScore?>>();
        for (var at = 0; at < board.Accounts.Length; at++)
            if (board.LatestScores[at] is null && snapshot.SignalsOf(board.Accounts[at].Id) is { } account)
                unscored.Add(KeyValuePair.Create(account.Account.Id, (HealthScore?)scoring.Score(account, today)));
        return new DigestData
        {
            Portfolio = signals,
            Scores = unscored.Count == 0 ? stored.Latest : LayeredMap<HealthScore>.Of(stored.Latest).With(unscored),
            Histories = stored.Histories,
            Board = board,
            OpenAlerts = open.Open,
            Today = today,
            Now = clock.Now,
            Segment = string.IsNullOrWhiteSpace(segment) ? null : segment.Trim(),
            Snapshot = snapshot,
        };
    }

    private DigestData Load(string? segment, DateOnly today)
    {
        var signals = portfolio.LoadAllSignals().ToList();
        var latest = new Dictionary<string, HealthScore>(scores.GetAllLatest());
        // An account the hourly run has not scored yet (a fresh store) is scored now, so the digest never leaves it out.
        foreach (var account in signals.Where(s => s.Account.IsActiveOn(today) && !latest.ContainsKey(s.Account.Id)))
            latest[account.Account.Id] = scoring.Score(account, today);
        return new DigestData
        {
            Portfolio = signals,
            Scores = latest,
            Histories = PackedScoreHistory.All(scores.GetAllHistories()),
            OpenAlerts = alerts.GetOpen(),
            Today = today,
            Now = clock.Now,
            Segment = string.IsNullOrWhiteSpace(segment) ? null : segment.Trim(),
        };
    }
}
