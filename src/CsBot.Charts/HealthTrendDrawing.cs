using CsBot.Application.Pictures;
using CsBot.Core.Scoring;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>An account's health line over its bands (poor, average, good shaded bottom to top), alerts as coloured dots on the line.</summary>
internal static class HealthTrendDrawing
{
    public static void Draw(Plot plot, HealthTrendChart chart)
    {
        Bands.Shade(plot, chart.Bands);
        var xs = chart.Points.Select(p => X(p.Date)).ToArray();
        var ys = chart.Points.Select(p => (double)p.Score).ToArray();
        if (xs.Length > 0)
        {
            var line = plot.Add.Scatter(xs, ys, ChartColors.Line);
            line.LineWidth = 2.5f;
            line.MarkerSize = xs.Length == 1 ? 6 : 0;
        }
        foreach (var alert in chart.Alerts)
        {
            var marker = plot.Add.Marker(X(alert.Date), ScoreOn(chart.Points, alert.Date), MarkerShape.FilledCircle, 11, ChartColors.Severity(alert.Severity));
            marker.MarkerLineColor = Colors.White;
            marker.MarkerLineWidth = 1.5f;
        }
        DateTicks.Bottom(plot);
        plot.Axes.SetLimits(X(chart.From) - 0.5, X(chart.To) + 0.5, 0, 100);
        plot.YLabel("Health");
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>Where an alert sits on the line: the score that day, else the nearest day's.</summary>
    private static double ScoreOn(IReadOnlyList<ScorePoint> points, DateOnly day) =>
        points.Count == 0 ? 50 : points.MinBy(p => Math.Abs(p.Date.DayNumber - day.DayNumber)).Score;
}
