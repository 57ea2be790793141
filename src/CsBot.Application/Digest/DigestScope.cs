using CsBot.Core.Accounts;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Application.Digest;

/// <summary>The accounts a digest covers (active today, in its segment) with their scores now and in the past, and the currency of their money.</summary>
internal sealed class DigestScope(DigestData data, string currency)
{
    /// <summary>A past score counts for a day when it was taken within this many days before it, so a missed day or two does not drop an account.</summary>
    private const int PastScoreToleranceDays = 6;

    public DigestData Data => data;

    public string Currency => currency;

    public IReadOnlyList<Account> Accounts { get; } =
        [.. MetricsCalculator.InSegment(data.Portfolio, data.Segment).Select(s => s.Account).Where(a => a.IsActiveOn(data.Today))];

    public HealthScore? Latest(Account account) => data.Scores.GetValueOrDefault(account.Id);

    /// <summary>The account's score on <paramref name="day"/>: today's latest score, or the history point on or shortly before that day.</summary>
    public int? ScoreOn(Account account, DateOnly day)
    {
        if (day >= data.Today) return Latest(account)?.Score;
        if (!data.Histories.TryGetValue(account.Id, out var history)) return null;
        for (var i = history.Length - 1; i >= 0; i--)
        {
            if (history[i].Date > day) continue;
            return history[i].Date.DayNumber >= day.DayNumber - PastScoreToleranceDays ? history[i].Score : null;
        }
        return null;
    }
}
