using System.Globalization;
using ScottPlot;

namespace CsBot.Charts;

/// <summary>Dates along the bottom axis as "Sep 15", whatever the server's culture (which would write 09/15/2026 or 15.09.2026).</summary>
internal static class DateTicks
{
    public static void Bottom(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
            automatic.LabelFormatter = day => day.ToString("MMM d", CultureInfo.InvariantCulture);
    }
}
