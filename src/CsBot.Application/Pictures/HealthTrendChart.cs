using CsBot.Core;
using CsBot.Core.Formatting;
using CsBot.Core.Scoring;

namespace CsBot.Application.Pictures;

/// <summary>An account's daily health over a window, drawn over its bands, with the days its alerts fired marked.</summary>
public sealed record HealthTrendChart : ChartRequest
{
    public required IReadOnlyList<ScorePoint> Points { get; init; }
    public required BandLimits Bands { get; init; }
    public IReadOnlyList<AlertMark> Alerts { get; init; } = [];
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }

    public override string AltText
    {
        get
        {
            var days = To.DayNumber - From.DayNumber + 1;
            if (Points.Count == 0) return $"{Title}: no health scores in the last {days} days.";
            var first = Points[0];
            var last = Points[^1];
            var low = Points.MinBy(p => p.Score);
            var high = Points.MaxBy(p => p.Score);
            var text = $"{Title}: health {first.Score} on {Format.Date(first.Date)}, {last.Score} on {Format.Date(last.Date)} ({Format.Signed(last.Score - first.Score)}); "
                + $"lowest {low.Score} on {Format.Date(low.Date)}, highest {high.Score} on {Format.Date(high.Date)}. "
                + $"Bands: poor below {Bands.AverageFrom}, good from {Bands.GoodFrom}.";
            return Alerts.Count == 0
                ? text + " No alerts fired."
                : text + $" Alerts: {string.Join("; ", Alerts.Select(a => $"{a.Severity} on {Format.Date(a.Date)} ({a.Label})"))}.";
        }
    }
}

/// <summary>An alert on the trend line: the day it fired, its severity and what it was.</summary>
public sealed record AlertMark(DateOnly Date, Severity Severity, string Label);
