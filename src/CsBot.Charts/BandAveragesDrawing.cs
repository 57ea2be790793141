using CsBot.Application.Pictures;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>One line per band (the accounts in it today), their weekly average health over the shaded bands, with a legend.</summary>
internal static class BandAveragesDrawing
{
    public static void Draw(Plot plot, BandAveragesChart chart)
    {
        Bands.Shade(plot, chart.Bands);
        foreach (var series in chart.Series)
        {
            // A week without scores leaves a gap rather than a line drawn through a made-up value.
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < chart.Weeks.Count && i < series.Averages.Count; i++)
            {
                if (series.Averages[i] is not { } average) continue;
                xs.Add(X(chart.Weeks[i]));
                ys.Add(average);
            }
            if (xs.Count == 0) continue;
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), ChartColors.BandLine(series.Band));
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.LegendText = $"{series.Band} now ({series.Accounts})";
        }
        DateTicks.Bottom(plot);
        if (chart.Weeks.Count > 0) plot.Axes.SetLimits(X(chart.Weeks[0]) - 2, X(chart.Weeks[^1]) + 2, 0, 100);
        else plot.Axes.SetLimitsY(0, 100);
        plot.YLabel("Average health");
        plot.ShowLegend(Alignment.LowerLeft);
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();
}
