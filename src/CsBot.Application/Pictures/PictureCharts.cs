using CsBot.Application.Digest;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.Pictures;

/// <summary>What each picture shows, read from the stores when it is drawn: the data as it is now, not when it was asked for.</summary>
public sealed class PictureCharts(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, ScoringOptions bands, DigestService digests, BusinessClock clock)
{
    public const int TrendDays = 90;

    /// <summary>The chart for <paramref name="request"/>; null when there is nothing to draw it from (an account no longer in the portfolio).</summary>
    public ChartRequest? For(PictureRequest request) => request.Kind switch
    {
        PictureKind.HealthTrend => HealthTrend(request.Subject),
        PictureKind.DigestBands => digests.Charts(Segment(request)).Bands,
        PictureKind.DigestDrops => digests.Charts(Segment(request)).Drops,
        _ => null,
    };

    private HealthTrendChart? HealthTrend(string accountId)
    {
        if (portfolio.GetAccount(accountId) is not { } account) return null;
        var to = clock.Today;
        var from = to.AddDays(-(TrendDays - 1));
        var points = scores.GetHistory(accountId).Where(p => p.Date >= from && p.Date <= to).ToList();
        // The latest score is today's even before the daily history point is written.
        if (scores.GetLatest(accountId) is { } latest && (points.Count == 0 || points[^1].Date < to)) points.Add(new ScorePoint(to, latest.Score));
        var marks = alerts.GetForAccount(accountId)
            .Select(a => new AlertMark(DayOf(a.FirstFiredAt), a.Severity, RuleNames.Words(a.RuleId)))
            .Where(m => m.Date >= from && m.Date <= to)
            .OrderBy(m => m.Date)
            .ToList();
        return new HealthTrendChart
        {
            Title = $"{account.Name}: health, last {TrendDays} days",
            Points = points,
            Bands = new BandLimits(bands.AverageFrom, bands.GoodFrom),
            Alerts = marks,
            From = from,
            To = to,
        };
    }

    private DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);

    private static string? Segment(PictureRequest request) => string.IsNullOrWhiteSpace(request.Subject) ? null : request.Subject;
}
