using CsBot.Application.Pictures;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>Horizontal bars, one per account, as long as its fall in health; the largest fall on top, "72 -> 58" beside each.</summary>
internal static class DropsDrawing
{
    public static void Draw(Plot plot, DropsChart chart)
    {
        var count = chart.Drops.Count;
        var bars = chart.Drops.Select((d, i) => new Bar
        {
            // The largest fall is first in the data and drawn at the top.
            Position = count - 1 - i,
            Value = d.From - d.To,
            FillColor = ChartColors.Drop,
            LineWidth = 0,
            Label = $"{d.From} -> {d.To}",
        }).ToList();
        if (bars.Count > 0)
        {
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.FontSize = 13;
        }
        var ticks = chart.Drops.Select((d, i) => new Tick(count - 1 - i, d.Account)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var longest = chart.Drops.Count == 0 ? 10 : chart.Drops.Max(d => d.From - d.To);
        // Room right of the longest bar for its label.
        plot.Axes.SetLimits(0, Math.Max(5, longest) * 1.25, -0.6, Math.Max(count, 1) - 0.4);
        plot.XLabel($"Points lost in {chart.Days} days");
        if (count == 0) plot.Add.Annotation("No account's health fell.", Alignment.MiddleCenter);
    }
}
