using CsBot.Core.Accounts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// Which way one account's health is going, from its stored score history: the score at the start of the period and
/// at its end, the change in points, and the health component that moved most between those two days (each day
/// scored from the signals known then).
/// </summary>
public static class TrendAnswers
{
    /// <summary>The period a trend question without one covers.</summary>
    public const int DefaultDays = 30;

    /// <summary>A change smaller than this many points reads as holding steady.</summary>
    private const int Steady = 3;

    /// <param name="scoreOn">The account's full score as of a day, computed from its signals.</param>
    public static ChatMessage Trend(AskContext ctx, AccountSignals signals, IReadOnlyList<ScorePoint> history, HealthScore? latest,
        Func<DateOnly, HealthScore> scoreOn)
    {
        var account = signals.Account;
        var period = ctx.Question.Period ?? new DateRange(ctx.Today.AddDays(-DefaultDays), ctx.Today);
        var label = ctx.Question.PeriodText ?? $"in the last {DefaultDays} days";
        var points = Points(history, latest);

        var then = StartOf(points, period);
        var now = points.LastOrDefault(p => p.Date <= period.To);
        if (then is not { } start || now.Date <= start.Date)
        {
            var title = $"Not enough score history for {account.Name} {label} to tell a trend";
            return new ChatMessage
            {
                Title = title,
                FallbackText = title,
                Sections = [new MessageSection
                {
                    Text = latest is null ? "It has no score yet." : $"Health now {latest.Score} ({latest.Band}); scores are kept from the first daily run.",
                    Account = new AccountLink(account.Id, account.Name),
                }],
                Actions = [new MessageAction(ActionKind.Choose, "Health", $"health of {account.Name}")],
            };
        }

        var change = now.Score - start.Score;
        var direction = change >= Steady ? "trending up" : change <= -Steady ? "trending down" : "holding steady";
        var headline = $"{account.Name} is {direction}: health {start.Score} → {now.Score} ({Format.Signed(change)} points) {label}";
        var inPeriod = points.Where(p => p.Date >= start.Date && p.Date <= now.Date).ToList();
        var low = inPeriod.MinBy(p => p.Score);
        var high = inPeriod.MaxBy(p => p.Score);
        var lines = new List<string>
        {
            $"{start.Score} on {Format.Date(start.Date)}, {now.Score} on {Format.Date(now.Date)}; lowest {low.Score} ({Format.Date(low.Date)}), highest {high.Score} ({Format.Date(high.Date)})",
        };
        if (MovedMost(scoreOn(start.Date), scoreOn(now.Date)) is { } moved) lines.Add(moved);

        return new ChatMessage
        {
            Title = headline,
            FallbackText = headline,
            Severity = change <= -Steady ? CsBot.Core.Severity.Warning : null,
            Sections = [new MessageSection { Text = string.Join("\n", lines), Account = new AccountLink(account.Id, account.Name) }],
            Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
        };
    }

    /// <summary>History with the latest score as its last point, oldest first, one point per day.</summary>
    private static List<ScorePoint> Points(IReadOnlyList<ScorePoint> history, HealthScore? latest)
    {
        var points = history.OrderBy(p => p.Date).ToList();
        if (latest is not null)
        {
            points.RemoveAll(p => p.Date >= latest.AsOf);
            points.Add(new ScorePoint(latest.AsOf, latest.Score));
        }
        return points;
    }

    /// <summary>The score the period starts from: the last one on or before its first day, else its first one in it.</summary>
    private static ScorePoint? StartOf(List<ScorePoint> points, DateRange period)
    {
        ScorePoint? start = null;
        foreach (var p in points)
        {
            if (p.Date <= period.From) start = p;
            else if (start is null && p.Date <= period.To) return p;
            else break;
        }
        return start;
    }

    /// <summary>"Usage trend moved most: 80 → 35 of 100 (active users down 40% ...)"; null when no component moved a point.</summary>
    private static string? MovedMost(HealthScore then, HealthScore now)
    {
        var before = then.Components.ToDictionary(c => c.Kind);
        var moved = now.Components
            .Where(c => before.ContainsKey(c.Kind))
            .Select(c => (Now: c, Then: before[c.Kind], Change: c.Points - before[c.Kind].Points))
            .OrderByDescending(x => Math.Abs(x.Change))
            .FirstOrDefault();
        if (moved.Now is null || Math.Abs(moved.Change) < 1) return null;
        return $"{ComponentNames.Name(moved.Now.Kind)} moved most: {Format.Whole(moved.Then.Points)} → {Format.Whole(moved.Now.Points)} of 100 ({moved.Now.Reason})";
    }
}
