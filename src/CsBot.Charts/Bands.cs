using CsBot.Application.Pictures;
using CsBot.Core.Scoring;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>The health bands as shaded horizontal stripes behind a 0-100 chart.</summary>
internal static class Bands
{
    public static void Shade(Plot plot, BandLimits limits)
    {
        Stripe(plot, 0, limits.AverageFrom, HealthBand.Poor);
        Stripe(plot, limits.AverageFrom, limits.GoodFrom, HealthBand.Average);
        Stripe(plot, limits.GoodFrom, 100, HealthBand.Good);
    }

    private static void Stripe(Plot plot, double from, double to, HealthBand band)
    {
        if (to <= from) return;
        var span = plot.Add.VerticalSpan(from, to);
        span.FillStyle.Color = ChartColors.BandFill(band);
        span.LineStyle.Width = 0;
        span.IsDraggable = false;
    }
}
